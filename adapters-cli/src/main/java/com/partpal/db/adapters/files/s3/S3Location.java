package com.partpal.db.adapters.files.s3;

import com.partpal.db.domain.BadInputException;

import java.util.regex.Pattern;

/** Where an S3 store keeps its catalogue: {@code s3://BUCKET/PREFIX} (the prefix may be empty). */
public record S3Location(String bucket, String prefix) {
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9._/=+-]*");

    public static boolean isS3(String store) {
        return store != null && store.startsWith("s3://");
    }

    public static S3Location parse(String store) {
        String rest = store.substring("s3://".length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1).replaceAll("/+$", "").replaceAll("^/+", "");
        if (!BUCKET.matcher(bucket).matches()) {
            throw new BadInputException("--store " + store + ": \"" + bucket + "\" is not an S3 bucket name (3-63"
                    + " lower-case letters, digits, dots and dashes); write s3://BUCKET/PREFIX");
        }
        if (!PREFIX.matcher(prefix).matches() || prefix.contains("//") || prefix.contains("..")) {
            throw new BadInputException("--store " + store + ": the prefix may hold letters, digits and . _ / = + -"
                    + " (no .. and no empty parts)");
        }
        return new S3Location(bucket, prefix);
    }

    /** The object key of a name relative to the prefix. */
    public String key(String relative) {
        return prefix.isEmpty() ? relative : prefix + "/" + relative;
    }

    /** The key prefix every object of this store starts with. */
    public String root() {
        return prefix.isEmpty() ? "" : prefix + "/";
    }

    @Override
    public String toString() {
        return "s3://" + bucket + (prefix.isEmpty() ? "" : "/" + prefix);
    }
}
