package com.partpal.db.adapters.files.s3;

import com.partpal.db.application.port.backup.BackupFailedException;
import com.partpal.db.domain.BadInputException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.function.Supplier;

/**
 * Turns what the SDK throws into one line that says what to fix: wrong or missing credentials, a missing bucket, an
 * unreachable endpoint. Never the SDK's own text (it can carry request ids and long chains), never a secret: only the
 * store, the endpoint and S3's error code.
 */
final class S3Errors {
    private final S3Location location;
    private final String endpoint;

    S3Errors(S3Location location, String endpoint) {
        this.location = location;
        this.endpoint = endpoint;
    }

    <T> T call(String doing, Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw translate(doing, e);
        }
    }

    void run(String doing, Runnable call) {
        call(doing, () -> {
            call.run();
            return null;
        });
    }

    RuntimeException translate(String doing, SdkException e) {
        String where = location + " (" + endpoint + ")";
        if (e instanceof AwsServiceException s) {
            String code = s.awsErrorDetails() == null ? null : s.awsErrorDetails().errorCode();
            int status = s.statusCode();
            if ("NoSuchBucket".equals(code)) {
                return new BadInputException("the bucket " + location.bucket() + " does not exist at " + endpoint
                        + ": create it, or check --store and AWS_ENDPOINT_URL");
            }
            if ("InvalidAccessKeyId".equals(code) || "SignatureDoesNotMatch".equals(code)
                    || "InvalidToken".equals(code) || "ExpiredToken".equals(code)) {
                return new BadInputException("the S3 store " + where + " refused the credentials (" + code
                        + "): check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or AWS_PROFILE)");
            }
            if (status == 403) {
                return new BadInputException("the S3 store " + where + " denied " + doing + " (" + orStatus(code, status)
                        + "): the credentials lack permission on the bucket or prefix");
            }
            return new BackupFailedException("the S3 store " + where + " failed " + doing + " ("
                    + orStatus(code, status) + ")");
        }
        String message = String.valueOf(e.getMessage());
        if (e instanceof SdkClientException && message.contains("Unable to load credentials")) {
            return new BadInputException("no AWS credentials for " + where + ": set AWS_ACCESS_KEY_ID and"
                    + " AWS_SECRET_ACCESS_KEY, or AWS_PROFILE");
        }
        Throwable io = rootIo(e);
        if (io instanceof ConnectException || io instanceof UnknownHostException) {
            return new BadInputException("cannot reach the S3 endpoint " + endpoint + " for " + location + " ("
                    + io.getClass().getSimpleName() + "): check AWS_ENDPOINT_URL and the network");
        }
        if (io instanceof SocketTimeoutException) {
            return new BackupFailedException("the S3 endpoint " + endpoint + " did not answer in time while "
                    + doing + " for " + location);
        }
        return new BackupFailedException("S3 " + doing + " at " + where + " failed: "
                + (io != null ? io.getClass().getSimpleName() : e.getClass().getSimpleName()));
    }

    private static String orStatus(String code, int status) {
        return code != null ? code : "HTTP " + status;
    }

    private static Throwable rootIo(Throwable e) {
        Throwable found = null;
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof IOException) {
                found = t;
            }
        }
        return found;
    }
}
