package com.partpal.db.adapters.sqlite;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * What a SQLite file holds, as a resumed migration compares it: {@code content=HASH;wal=STATE}. The hash covers the
 * journal mode, the schema (every sqlite_master row), each table's row count and highest rowid, and, outside WAL mode,
 * the header's file change counter, which every committed write transaction increases. WAL mode does not keep that
 * counter up to date, so the write-ahead log's size and time stand in for it: a commit always grows or rewrites the log.
 * <p>
 * A checkpoint changes the database file's bytes, size and time but not what it holds, and leaves the log as it was
 * (PASSIVE, FULL) or empties it (TRUNCATE, the last connection closing): so the file's own size and time are not
 * compared at all, and an emptied log is accepted when the content hash is equal. What this cannot see: in WAL mode,
 * a write followed by a checkpoint that empties the log, when the write changed no table's row count or highest
 * rowid nor the schema (an UPDATE in place). verify after the run still finds such rows.
 */
final class SqliteContentFingerprint {
    private static final String NO_WAL = "0";

    private SqliteContentFingerprint() {
    }

    /**
     * The fingerprint of the state {@code pinned} (a connection inside its read transaction) sees.
     *
     * @param walState the log's {@link #walState} when that state was pinned (a write after it must not count)
     */
    static String of(Connection pinned, Path file, String walState) throws SQLException {
        MessageDigest sha = sha256();
        String mode = queryOne(pinned, "PRAGMA journal_mode").toLowerCase(java.util.Locale.ROOT);
        boolean wal = "wal".equals(mode);
        update(sha, "mode", wal ? "wal" : "rollback");
        List<String> tables = new ArrayList<>();
        try (Statement st = pinned.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name")) {
            while (rs.next()) {
                update(sha, rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
                if ("table".equals(rs.getString(1)) && rs.getString(4) != null
                        && !rs.getString(4).toUpperCase(java.util.Locale.ROOT).startsWith("CREATE VIRTUAL")) {
                    tables.add(rs.getString(2));
                }
            }
        }
        for (String table : tables) {
            String quoted = "\"" + table.replace("\"", "\"\"") + "\"";
            update(sha, table, queryOne(pinned, "SELECT count(*) FROM " + quoted));
            try {
                update(sha, queryOne(pinned, "SELECT max(rowid) FROM " + quoted));
            } catch (SQLException withoutRowid) {
                update(sha, "without rowid");
            }
        }
        if (!wal) {
            update(sha, "change counter", Long.toString(changeCounter(file)));
        }
        return "content=" + HexFormat.of().formatHex(sha.digest()) + ";wal=" + (wal ? walState : "none");
    }

    /** Whether {@code now} shows the content {@code recorded} did: equal hashes, and the log unchanged or emptied. */
    static boolean unchanged(String recorded, String now) {
        String[] then = parts(recorded);
        String[] current = parts(now);
        if (then == null || current == null || !then[0].equals(current[0])) {
            return false;
        }
        return then[1].equals(current[1]) || NO_WAL.equals(current[1]);
    }

    private static String[] parts(String fingerprint) {
        if (fingerprint == null || !fingerprint.startsWith("content=") || !fingerprint.contains(";wal=")) {
            return null;
        }
        int split = fingerprint.indexOf(";wal=");
        return new String[]{fingerprint.substring(0, split), fingerprint.substring(split + 5)};
    }

    /** Size and modification time of the write-ahead log, or "0" when there is none or it is empty. */
    static String walState(Path file) {
        Path wal = file.resolveSibling(file.getFileName() + "-wal");
        try {
            return Files.exists(wal) && Files.size(wal) > 0
                    ? Files.size(wal) + "/" + Files.getLastModifiedTime(wal).toMillis() : NO_WAL;
        } catch (IOException e) {
            return "unreadable";
        }
    }

    /** The 4-byte big-endian file change counter at offset 24 of the header. */
    private static long changeCounter(Path file) throws SQLException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer header = ByteBuffer.allocate(4);
            channel.read(header, 24);
            header.flip();
            return Integer.toUnsignedLong(header.getInt());
        } catch (IOException e) {
            throw new SQLException("cannot read the header of " + file + ": " + e.getMessage(), e);
        }
    }

    private static String queryOne(Connection connection, String sql) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static void update(MessageDigest sha, String... values) {
        for (String value : values) {
            sha.update(String.valueOf(value).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
        }
        sha.update((byte) '\n');
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
