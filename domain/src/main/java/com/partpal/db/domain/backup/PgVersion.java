package com.partpal.db.domain.backup;

import com.partpal.db.domain.BadInputException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PostgreSQL version as server_version_num counts it (150019 is 15.19, 90624 is 9.6.24). Before 10 the major
 * version had two parts (9.6), from 10 on one.
 */
public record PgVersion(int number) implements Comparable<PgVersion> {
    private static final Pattern TOOL_VERSION = Pattern.compile("\\(PostgreSQL\\)\\s+(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?");

    /** Parses the first line of {@code pg_dump --version}, e.g. "pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)". */
    public static PgVersion fromToolOutput(String output) {
        Matcher m = TOOL_VERSION.matcher(output == null ? "" : output);
        if (!m.find()) {
            throw new BadInputException("cannot read a PostgreSQL version from: " + firstLine(output));
        }
        int first = Integer.parseInt(m.group(1));
        int second = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        int third = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        return first >= 10 ? new PgVersion(first * 10000 + second) : new PgVersion(first * 10000 + second * 100 + third);
    }

    /** Parses {@code SHOW server_version_num}. */
    public static PgVersion fromServerVersionNum(String num) {
        try {
            return new PgVersion(Integer.parseInt(num.trim()));
        } catch (NumberFormatException | NullPointerException e) {
            throw new BadInputException("cannot read server_version_num: " + num);
        }
    }

    /** The major version as a comparable number: 1500 for 15.x, 906 for 9.6.x. */
    public int major() {
        return number >= 100000 ? number / 10000 * 100 : number / 100;
    }

    public String majorLabel() {
        return number >= 100000 ? Integer.toString(number / 10000) : (number / 10000) + "." + (number / 100 % 100);
    }

    /** pg_dump refuses servers of a newer major version ("server version mismatch"); older servers are fine. */
    public boolean canDump(PgVersion server) {
        return major() >= server.major();
    }

    @Override
    public int compareTo(PgVersion other) {
        return Integer.compare(number, other.number);
    }

    @Override
    public String toString() {
        return number >= 100000 ? majorLabel() + "." + number % 10000 : majorLabel() + "." + number % 100;
    }

    private static String firstLine(String s) {
        if (s == null || s.isBlank()) {
            return "(no output)";
        }
        return s.strip().lines().findFirst().orElse("");
    }
}
