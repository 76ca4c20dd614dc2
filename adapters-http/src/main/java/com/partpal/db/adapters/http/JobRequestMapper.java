package com.partpal.db.adapters.http;

import com.partpal.db.application.backup.RestoreUseCase;
import com.partpal.db.application.jobs.BackupJobs;
import com.partpal.db.application.migrate.MigrateRequest;
import com.partpal.db.application.port.OnExisting;
import com.partpal.db.application.verify.VerifyRequest;
import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.backup.RetentionPolicy;
import com.partpal.db.domain.plan.PlanOptions;
import org.mapstruct.BeforeMapping;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingConstants;
import org.mapstruct.Named;
import org.mapstruct.NullValueMappingStrategy;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Request bodies to the application's requests, with the CLI's defaults for what is left out. Required fields are
 * checked first, each refused with one line that names it.
 */
@Mapper(componentModel = MappingConstants.ComponentModel.JAKARTA,
        nullValueMappingStrategy = NullValueMappingStrategy.RETURN_DEFAULT)
public abstract class JobRequestMapper {
    @Mapping(target = "planOptions", source = "options")
    @Mapping(target = "jobs", source = "options.jobs", qualifiedByName = "loaderJobs")
    @Mapping(target = "batchSize", source = "options.batchSize", qualifiedByName = "batchSize")
    @Mapping(target = "onExisting", source = "options.onExisting", qualifiedByName = "onExisting")
    @Mapping(target = "dryRun", constant = "false")
    @Mapping(target = "verify", source = "options.verify", qualifiedByName = "verifyAfterLoad")
    @Mapping(target = "resume", constant = "false")
    @Mapping(target = "retries", expression = "java(com.partpal.db.application.migrate.MigrateRequest.DEFAULT_RETRIES)")
    @Mapping(target = "checkpointRows",
            expression = "java(com.partpal.db.application.migrate.MigrateRequest.DEFAULT_CHECKPOINT_ROWS)")
    public abstract MigrateRequest toRequest(MigrationBody body);

    @Mapping(target = "planOptions", source = "options")
    @Mapping(target = "rejects", ignore = true)
    @Mapping(target = "maxDiffs", source = "options.maxDiffs", qualifiedByName = "maxDiffs")
    @Mapping(target = "jobs", source = "options.jobs", qualifiedByName = "loaderJobs")
    public abstract VerifyRequest toRequest(VerificationBody body);

    @Mapping(target = "retention", source = ".")
    @Mapping(target = "schedule", ignore = true)
    public abstract BackupJobs.Request toRequest(BackupBody body);

    @Mapping(target = "reference", source = "backup")
    @Mapping(target = "target", source = "to")
    @Mapping(target = "yes", constant = "false")
    @Mapping(target = "jobs", source = "jobs", qualifiedByName = "restoreJobs")
    public abstract RestoreUseCase.Request toRequest(RestoreBody body);

    @Mapping(target = "maxAgeDays", source = "retentionDays")
    public abstract RetentionPolicy retention(PruneBody body);

    @Mapping(target = "maxAgeDays", source = "retentionDays")
    abstract RetentionPolicy retention(BackupBody body);

    @Mapping(target = "includeTables", source = "tables")
    @Mapping(target = "excludeTables", source = "exclude")
    abstract PlanOptions planOptions(MigrationBody.Options options);

    @Mapping(target = "includeTables", source = "tables")
    @Mapping(target = "excludeTables", source = "exclude")
    abstract PlanOptions planOptions(VerificationBody.Options options);

    /** A directory given in a body; null means the configured default. */
    Path directory(String directory) {
        return directory == null || directory.isBlank() ? null : Path.of(directory);
    }

    @BeforeMapping
    void check(MigrationBody body) {
        Fields.require(body.from(), "from", "a SQLite file or URL");
        Fields.require(body.to(), "to", "a PostgreSQL URL");
    }

    @BeforeMapping
    void check(VerificationBody body) {
        Fields.require(body.from(), "from", "a SQLite file or a PostgreSQL URL");
        Fields.require(body.to(), "to", "a PostgreSQL URL or a SQLite file");
    }

    @BeforeMapping
    void check(BackupBody body) {
        Fields.require(body.database(), "database", "a PostgreSQL URL or a SQLite file");
    }

    @BeforeMapping
    void check(RestoreBody body) {
        Fields.require(body.backup(), "backup", "a backup id, latest, or a backup file");
        Fields.require(body.to(), "to", "the PostgreSQL URL or SQLite file to restore into");
    }

    @Named("loaderJobs")
    int loaderJobs(Integer jobs) {
        return Fields.atLeast(jobs, 1, MigrateRequest.DEFAULT_JOBS, "jobs");
    }

    @Named("restoreJobs")
    int restoreJobs(Integer jobs) {
        return Fields.atLeast(jobs, 1, RestoreUseCase.Request.DEFAULT_JOBS, "jobs");
    }

    @Named("batchSize")
    int batchSize(Integer batchSize) {
        return Fields.atLeast(batchSize, 1, MigrateRequest.DEFAULT_BATCH_SIZE, "batchSize");
    }

    @Named("maxDiffs")
    int maxDiffs(Integer maxDiffs) {
        return Fields.atLeast(maxDiffs, 0, VerifyRequest.DEFAULT_MAX_DIFFS, "maxDiffs");
    }

    @Named("verifyAfterLoad")
    boolean verifyAfterLoad(Boolean verify) {
        return verify == null || verify;
    }

    @Named("onExisting")
    OnExisting onExisting(String value) {
        if (value == null) {
            return OnExisting.FAIL;
        }
        try {
            return OnExisting.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadInputException("'onExisting' must be fail, truncate or drop");
        }
    }
}
