package com.partpal.db.adapters.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.file.Path;
import java.util.Optional;

/** Fields read back from a job's report JSON. */
final class ReportFields {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReportFields() {
    }

    /** The rejects file a migration report names (written by the server itself), if any. */
    static Optional<Path> rejectsFile(String reportJson) {
        if (reportJson == null) {
            return Optional.empty();
        }
        try {
            JsonNode file = JSON.readTree(reportJson).get("rejectsFile");
            return file == null || !file.isTextual() || file.asText().isBlank() ? Optional.empty()
                    : Optional.of(Path.of(file.asText()).toAbsolutePath());
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
