package com.partpal.db.adapters.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real S3-compatible server on loopback for the off-site backup tests: S3Proxy (Maven Central; the build copies
 * its jar to target/s3proxy), in its own JVM, with objects in files under dir, SigV4 signatures checked against one
 * access key and secret, and multipart uploads.
 */
final class S3Server implements AutoCloseable {
    static final String ACCESS_KEY = "partpal-test";
    static final String SECRET_KEY = "s3-test-secret-never-shown";

    private final Process process;
    private final Path log;
    private final Path data;
    private final Path local;
    private final int port;

    private S3Server(Process process, Path log, Path data, int port) {
        this.process = process;
        this.log = log;
        this.data = data;
        this.local = data.resolveSibling("local-side");
        this.port = port;
    }

    /** Starts a server with the buckets named, its data and log in dir. */
    static S3Server start(Path dir, String... buckets) throws IOException, InterruptedException {
        Path jar = Path.of("target", "s3proxy", "s3proxy.jar").toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: the build's generate-test-resources phase copies it");
        }
        Path data = Files.createDirectories(dir.resolve("s3-data"));
        for (String bucket : buckets) {
            Files.createDirectories(data.resolve(bucket));
        }
        Path properties = dir.resolve("s3proxy.conf");
        Files.writeString(properties, String.join("\n", "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.endpoint=http://127.0.0.1:0", "s3proxy.identity=" + ACCESS_KEY,
                "s3proxy.credential=" + SECRET_KEY, "jclouds.provider=filesystem-nio2",
                "jclouds.identity=local", "jclouds.credential=local", "jclouds.filesystem.basedir=" + data) + "\n");
        Path log = dir.resolve("s3proxy.log");
        Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar.toString(), "--properties", properties.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Pattern started = Pattern.compile("Started ServerConnector@\\S+\\{HTTP/1\\.1[^}]*\\}\\{127\\.0\\.0\\.1:(\\d+)\\}");
        for (int i = 0; i < 1200; i++) {
            Matcher m = started.matcher(read(log));
            if (m.find()) {
                return new S3Server(process, log, data, Integer.parseInt(m.group(1)));
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(50);
        }
        process.destroyForcibly();
        String output = read(log);
        throw new IllegalStateException("S3Proxy did not start: " + output.substring(Math.max(0, output.length() - 1500)));
    }

    String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** Where the server keeps an object, as a file. */
    Path objectFile(String bucket, String key) {
        return data.resolve(bucket).resolve(key);
    }

    Path data() {
        return data;
    }

    /** The environment a partpal-db process needs for this server, and nothing of the caller's own AWS setup. */
    Map<String, String> environment() {
        return environment(ACCESS_KEY, SECRET_KEY);
    }

    Map<String, String> environment(String accessKey, String secretKey) {
        Map<String, String> env = new HashMap<>(Map.of("AWS_ENDPOINT_URL", endpoint(), "AWS_ACCESS_KEY_ID", accessKey,
                "AWS_SECRET_ACCESS_KEY", secretKey, "AWS_REGION", "us-east-1", "AWS_PROFILE", "",
                "AWS_SESSION_TOKEN", "", "AWS_ENDPOINT_URL_S3", "", "AWS_CONFIG_FILE", "/nonexistent",
                "AWS_SHARED_CREDENTIALS_FILE", "/nonexistent"));
        // the local side of the store (locks, staging) in the server's folder, not in the working directory
        env.put("PARTPAL_BACKUP_DIR", local.toString());
        env.put("PARTPAL_BACKUP_STORE", "");
        env.put("PARTPAL_DB_BACKUP_KEY_FILE", "");
        // never ask an instance metadata service (a link-local address) for credentials or a region
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        return env;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** Stops the server (and kills it after 10 seconds). */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
