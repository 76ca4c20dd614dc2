package com.partpal.db.adapters.files.s3;

import com.partpal.db.application.port.backup.BackupFailedException;
import com.partpal.db.domain.BadInputException;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The object operations the S3 store needs, each through {@link S3Errors}: uploads in parts (each part with its
 * Content-MD5, which the store checks on receipt), downloads, a hash of what the store holds (read back), small text
 * objects, listing and deletes.
 */
final class S3Objects {
    /** Large enough for few requests, small enough to hold in memory; grown so no upload needs 10,000 parts. */
    static final int MIN_PART = 16 * 1024 * 1024;
    private static final int MAX_PARTS = 9_000;

    private final S3Client client;
    private final S3Location location;
    private final S3Errors errors;

    S3Objects(S3Client client, S3Location location, S3Errors errors) {
        this.client = client;
        this.location = location;
        this.errors = errors;
    }

    S3Location location() {
        return location;
    }

    /** Uploads file to key: one request up to a part's size, else a multipart upload (aborted when it fails). */
    void upload(Path file, String key) {
        long size = size(file);
        int part = (int) Math.max(MIN_PART, Math.min(Integer.MAX_VALUE - 8, (size + MAX_PARTS - 1) / MAX_PARTS));
        if (size <= part) {
            byte[] bytes = read(file);
            errors.run("uploading " + key, () -> client.putObject(b -> b.bucket(location.bucket()).key(key)
                    .contentLength((long) bytes.length).contentMD5(md5(bytes, bytes.length)), RequestBody.fromBytes(bytes)));
            return;
        }
        String uploadId = errors.call("starting the upload of " + key, () -> client.createMultipartUpload(
                b -> b.bucket(location.bucket()).key(key)).uploadId());
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            List<CompletedPart> parts = new ArrayList<>();
            byte[] buffer = new byte[part];
            for (int number = 1; ; number++) {
                int length = fill(channel, buffer);
                if (length == 0) {
                    break;
                }
                int n = number;
                RequestBody body = RequestBody.fromByteBuffer(ByteBuffer.wrap(buffer, 0, length));
                String md5 = md5(buffer, length);
                String etag = errors.call("uploading part " + n + " of " + key, () -> client.uploadPart(
                        b -> b.bucket(location.bucket()).key(key).uploadId(uploadId).partNumber(n)
                                .contentLength((long) length).contentMD5(md5), body).eTag());
                parts.add(CompletedPart.builder().partNumber(n).eTag(etag).build());
            }
            errors.run("completing the upload of " + key, () -> client.completeMultipartUpload(
                    b -> b.bucket(location.bucket()).key(key).uploadId(uploadId)
                            .multipartUpload(m -> m.parts(parts))));
        } catch (IOException | RuntimeException e) {
            try {
                client.abortMultipartUpload(b -> b.bucket(location.bucket()).key(key).uploadId(uploadId));
            } catch (RuntimeException ignored) {
                // the bucket's lifecycle rule (AbortIncompleteMultipartUpload) removes what is left
            }
            if (e instanceof IOException io) {
                throw new BackupFailedException("cannot read " + file + " to upload it: " + io.getMessage(), io);
            }
            throw (RuntimeException) e;
        }
    }

    /** SHA-256 of the object as the store holds it now, read back in full. */
    String sha256(String key) {
        MessageDigest digest = sha256Digest();
        try (InputStream in = new DigestInputStream(open(key), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new BackupFailedException("reading " + location + "/" + key + " back failed: " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Downloads key into a new file in dir. */
    Path download(String key, Path dir, String name) {
        try {
            Files.createDirectories(dir);
            Path file = Files.createTempFile(dir, "." + name + ".", ".partial");
            try (InputStream in = open(key)) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(file);
                throw e;
            }
            return file;
        } catch (IOException e) {
            throw new BackupFailedException("downloading " + location + "/" + key + " failed: " + e.getMessage(), e);
        }
    }

    private ResponseInputStream<GetObjectResponse> open(String key) {
        return errors.call("reading " + key, () -> {
            try {
                return client.getObject(b -> b.bucket(location.bucket()).key(key));
            } catch (NoSuchKeyException e) {
                throw new BadInputException("the object " + key + " is missing from " + location);
            }
        });
    }

    void putText(String key, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        errors.run("writing " + key, () -> client.putObject(b -> b.bucket(location.bucket()).key(key)
                .contentType("application/json").contentMD5(md5(bytes, bytes.length)), RequestBody.fromBytes(bytes)));
    }

    /** A small text object, or empty when there is none. */
    Optional<String> getText(String key) {
        return errors.call("reading " + key, () -> {
            try {
                return Optional.of(client.getObjectAsBytes(b -> b.bucket(location.bucket()).key(key))
                        .asString(StandardCharsets.UTF_8));
            } catch (NoSuchKeyException e) {
                return Optional.empty();
            }
        });
    }

    /** Every object below keyPrefix. */
    List<S3Object> list(String keyPrefix) {
        return errors.call("listing " + location, () -> client.listObjectsV2Paginator(
                b -> b.bucket(location.bucket()).prefix(keyPrefix)).contents().stream().toList());
    }

    /** Deletes key; deleting what is not there is no error (as in S3 itself). */
    void delete(String key) {
        errors.run("deleting " + key, () -> client.deleteObject(b -> b.bucket(location.bucket()).key(key)));
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new BackupFailedException("backup file " + file + " was not written: " + e.getMessage(), e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new BackupFailedException("cannot read " + file + " to upload it: " + e.getMessage(), e);
        }
    }

    private static int fill(FileChannel channel, byte[] buffer) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(buffer);
        while (b.hasRemaining() && channel.read(b) >= 0) {
            // read until the part is full or the file ends
        }
        return b.position();
    }

    private static String md5(byte[] bytes, int length) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update(bytes, 0, length);
            return Base64.getEncoder().encodeToString(md5.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
