package com.partpal.db.application.monitoring;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The databases an operator configured, by name (e.g. "postgres" for $POSTGRES_URL); locations carry passwords. */
public record ConfiguredDatabases(Map<String, String> locations) {
    public ConfiguredDatabases {
        locations = Collections.unmodifiableMap(new LinkedHashMap<>(locations));
    }

    /** The location configured under {@code nameOrLocation}, else the text itself as a location. */
    public String resolve(String nameOrLocation) {
        return locations.getOrDefault(nameOrLocation, nameOrLocation);
    }
}
