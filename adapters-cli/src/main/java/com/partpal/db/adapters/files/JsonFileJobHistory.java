package com.partpal.db.adapters.files;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partpal.db.application.jobs.JobHistory;
import com.partpal.db.application.jobs.JobSnapshot;
import com.partpal.db.domain.BadInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The job history as one JSON file per job, {@code DIR/<id>.json}, each replaced atomically (temp file + rename) at
 * every save, so a crash leaves the previous record whole. Records hold the masked snapshot only (no password).
 */
public final class JsonFileJobHistory implements JobHistory {
    private static final Logger LOG = LoggerFactory.getLogger(JsonFileJobHistory.class);
    private static final String SUFFIX = ".json";
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Path dir;

    public JsonFileJobHistory(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.dir);
        } catch (IOException e) {
            throw new BadInputException("cannot create the job history directory " + this.dir + ": " + e.getMessage());
        }
    }

    public Path dir() {
        return dir;
    }

    @Override
    public void save(JobSnapshot job) {
        if (!job.id().matches("[A-Za-z0-9-]+")) {
            throw new IllegalArgumentException("not a job id: " + job.id());
        }
        try {
            ReportFiles.write(dir.resolve(job.id() + SUFFIX), JSON.writeValueAsString(job));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("job " + job.id() + " cannot be written as JSON", e);
        }
    }

    @Override
    public void delete(String id) {
        if (!id.matches("[A-Za-z0-9-]+")) {
            throw new IllegalArgumentException("not a job id: " + id);
        }
        try {
            Files.deleteIfExists(dir.resolve(id + SUFFIX));
        } catch (IOException e) {
            LOG.warn("job history: cannot delete {}: {}", dir.resolve(id + SUFFIX), e.getMessage());
        }
    }

    /** Every readable record; one that cannot be read is left on disk, logged and not listed. */
    @Override
    public List<JobSnapshot> load() {
        List<JobSnapshot> jobs = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).sorted().toList()) {
                try {
                    jobs.add(JSON.readValue(Files.readString(file, StandardCharsets.UTF_8), JobSnapshot.class));
                } catch (IOException | RuntimeException e) {
                    LOG.warn("job history: skipping unreadable {}: {}", file, e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the job history " + dir + ": " + e.getMessage(), e);
        }
        return jobs;
    }
}
