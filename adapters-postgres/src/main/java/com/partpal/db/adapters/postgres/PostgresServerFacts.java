package com.partpal.db.adapters.postgres;

import com.partpal.db.application.port.ops.ServerFacts;
import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.connection.PostgresUrl;
import com.partpal.db.domain.ops.ServerLimits;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a server's connection limits from pg_settings. PostgreSQL does not report its machine's cores, so they
 * are (in this order) the user's, the server's /proc/cpuinfo and cgroup quota read with pg_read_file (superuser or
 * pg_read_server_files, Linux servers), or this machine's when the server is on loopback; else one line asks for --cores.
 */
public final class PostgresServerFacts implements ServerFacts {
    @Override
    public ServerLimits limits(String location, Integer cores) {
        PostgresUrl url = PostgresUrl.parse(location);
        try (Connection connection = PostgresPools.connect(url)) {
            Map<String, String> settings = settings(connection);
            int maxConnections = Integer.parseInt(settings.get("max_connections"));
            int superuser = Integer.parseInt(settings.getOrDefault("superuser_reserved_connections", "0"));
            int reserved = Integer.parseInt(settings.getOrDefault("reserved_connections", "0"));
            if (cores != null) {
                return new ServerLimits(maxConnections, superuser, reserved, cores, "--cores");
            }
            Optional<Integer> read = coresFromServer(connection);
            if (read.isPresent()) {
                return new ServerLimits(maxConnections, superuser, reserved, read.get(), "the server's /proc/cpuinfo and cgroup quota");
            }
            if (isLoopback(url.host())) {
                return new ServerLimits(maxConnections, superuser, reserved, Runtime.getRuntime().availableProcessors(),
                        "this machine's, the server is on loopback");
            }
            throw new BadInputException("cannot tell the cores of " + url.host() + " (PostgreSQL does not report them;"
                    + " reading /proc/cpuinfo needs superuser or pg_read_server_files): give --cores N");
        } catch (SQLException e) {
            throw PostgresException.of("cannot read the settings of " + url.masked(), e, url.password());
        }
    }

    @Override
    public Optional<String> storedScramSecret(String location, String role) {
        PostgresUrl url = PostgresUrl.parse(location);
        try (Connection connection = PostgresPools.connect(url);
             PreparedStatement statement = connection.prepareStatement("SELECT rolpassword FROM pg_authid WHERE rolname = ?")) {
            statement.setString(1, role);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && ScramSecret.isScram(rs.getString(1)) ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            return Optional.empty(); // permission denied for pg_authid: the caller computes the secret instead
        }
    }

    @Override
    public Optional<Map.Entry<Long, String>> memory(String location) {
        PostgresUrl url = PostgresUrl.parse(location);
        try (Connection connection = PostgresPools.connect(url)) {
            String meminfo = readServerFile(connection, "/proc/meminfo");
            Optional<Long> total = meminfo == null ? Optional.empty() : meminfo.lines()
                    .filter(line -> line.startsWith("MemTotal:"))
                    .map(line -> Long.parseLong(line.replaceAll("\\D", "")) * 1024).findFirst();
            if (total.isPresent()) {
                Optional<Long> limit = cgroupMemory(readServerFile(connection, "/sys/fs/cgroup/memory.max"));
                return Optional.of(Map.entry(Math.min(total.get(), limit.orElse(Long.MAX_VALUE)),
                        "the server's /proc/meminfo and cgroup limit"));
            }
        } catch (SQLException e) {
            throw PostgresException.of("cannot read the memory of " + url.masked(), e, url.password());
        }
        if (isLoopback(url.host())
                && java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return Optional.of(Map.entry(os.getTotalMemorySize(), "this machine's, the server is on loopback"));
        }
        return Optional.empty();
    }

    @Override
    public Map<String, String> settings(String location, java.util.Collection<String> names) {
        PostgresUrl url = PostgresUrl.parse(location);
        Map<String, String> values = new HashMap<>();
        try (Connection connection = PostgresPools.connect(url);
             PreparedStatement statement = connection.prepareStatement("SELECT current_setting(?, true)")) {
            for (String name : names) {
                statement.setString(1, name);
                try (ResultSet rs = statement.executeQuery()) {
                    if (rs.next() && rs.getString(1) != null) {
                        values.put(name, rs.getString(1));
                    }
                }
            }
        } catch (SQLException e) {
            throw PostgresException.of("cannot read the settings of " + url.masked(), e, url.password());
        }
        return values;
    }

    private static Optional<Long> cgroupMemory(String memoryMax) {
        if (memoryMax == null || memoryMax.isBlank() || memoryMax.trim().equals("max")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(memoryMax.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public String newScramSecret(String password) {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        return ScramSecret.of(password, salt, ScramSecret.DEFAULT_ITERATIONS);
    }

    static Map<String, String> settings(Connection connection) throws SQLException {
        Map<String, String> settings = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT name, setting FROM pg_settings")) {
            while (rs.next()) {
                settings.put(rs.getString(1), rs.getString(2));
            }
        }
        return settings;
    }

    private static Optional<Integer> coresFromServer(Connection connection) {
        String cpuinfo = readServerFile(connection, "/proc/cpuinfo");
        if (cpuinfo == null) {
            return Optional.empty();
        }
        int processors = (int) cpuinfo.lines().filter(line -> line.startsWith("processor")).count();
        if (processors == 0) {
            return Optional.empty();
        }
        String quota = readServerFile(connection, "/sys/fs/cgroup/cpu.max");
        return Optional.of(Math.min(processors, CgroupQuota.cores(quota).orElse(processors)));
    }

    private static String readServerFile(Connection connection, String path) {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_read_file(?, 0, 1000000, true)")) {
            statement.setString(1, path);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            return null; // not allowed, or not a Linux server
        }
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** cgroup v2's cpu.max: "max 100000" (no limit) or "QUOTA PERIOD", rounded up to whole cores. */
    static final class CgroupQuota {
        private CgroupQuota() {
        }

        static Optional<Integer> cores(String cpuMax) {
            if (cpuMax == null) {
                return Optional.empty();
            }
            String[] parts = cpuMax.trim().split("\\s+");
            if (parts.length != 2 || parts[0].equals("max")) {
                return Optional.empty();
            }
            try {
                long quota = Long.parseLong(parts[0]);
                long period = Long.parseLong(parts[1]);
                return period <= 0 ? Optional.empty() : Optional.of((int) Math.max(1, (quota + period - 1) / period));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }
}
