package com.partpal.db.domain.value;

import java.util.List;
import java.util.Set;

/** enum columns: text that is one of the enum's values; anything else rejects with the values it may take. */
final class EnumConverter implements CellConverter {
    private final String type;
    private final List<String> values;
    private final Set<String> allowed;

    EnumConverter(String type, List<String> values) {
        this.type = type;
        this.values = List.copyOf(values);
        this.allowed = Set.copyOf(values);
    }

    @Override
    public Object convert(Object raw) throws CellRejectedException {
        Object text = TextConverter.INSTANCE.convert(raw);
        if (text == null || allowed.contains(text)) {
            return text;
        }
        throw new CellRejectedException("not a value of enum " + type + " (" + String.join(", ", values) + "): '"
                + text + "'");
    }
}
