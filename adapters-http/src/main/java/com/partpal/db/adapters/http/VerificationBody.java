package com.partpal.db.adapters.http;

import java.util.List;

/** POST /api/verifications: the CLI's verify options. */
public record VerificationBody(String from, String to, Options options) {
    /** All optional, with the CLI's defaults; rejects is a migrate rejects file on the server. */
    public record Options(Integer maxDiffs, Integer jobs, List<String> tables, List<String> exclude,
                          List<String> jsonColumns, String rejects) {
    }
}
