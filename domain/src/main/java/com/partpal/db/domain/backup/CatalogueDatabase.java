package com.partpal.db.domain.backup;

/**
 * A database as the catalogue groups its backups: the identity's key, or for manifests written before identities
 * were recorded, "unidentified:ENGINE:NAME" from the name alone.
 *
 * @param identity null for those older manifests
 */
public record CatalogueDatabase(String key, String label, DatabaseIdentity identity) {
    private static final String UNIDENTIFIED = "unidentified:";

    public static CatalogueDatabase of(DatabaseIdentity identity) {
        return new CatalogueDatabase(identity.key(), identity.label(), identity);
    }

    public static CatalogueDatabase unidentified(String engine, String name) {
        return new CatalogueDatabase(UNIDENTIFIED + engine + ":" + name, name, null);
    }

    /** The first 8 hex digits of the key's SHA-256: tells apart databases of the same label, in names and labels. */
    public String shortKey() {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash, 0, 4);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean identified() {
        return identity != null;
    }

    public String describe() {
        return identified() ? identity.describe() : label + " (" + key.substring(UNIDENTIFIED.length(),
                key.indexOf(':', UNIDENTIFIED.length())) + ", recorded before identities: its server or file is unknown)";
    }
}
