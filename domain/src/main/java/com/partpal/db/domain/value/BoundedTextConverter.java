package com.partpal.db.domain.value;

/** varchar(n)/char(n) columns: text of at most n characters; longer text rejects (PostgreSQL would refuse it). */
final class BoundedTextConverter implements CellConverter {
    private final int length;
    private final String type;

    BoundedTextConverter(int length, String type) {
        this.length = length;
        this.type = type;
    }

    @Override
    public Object convert(Object raw) throws CellRejectedException {
        Object text = TextConverter.INSTANCE.convert(raw);
        if (text instanceof String s && s.codePointCount(0, s.length()) > length) {
            throw new CellRejectedException("longer than " + type + " keeps: " + s.codePointCount(0, s.length())
                    + " characters");
        }
        return text;
    }
}
