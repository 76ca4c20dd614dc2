package com.partpal.db.adapters.http;

import com.partpal.db.application.backup.VerifyBackupUseCase;
import com.partpal.db.domain.backup.BackupManifest;
import com.partpal.db.domain.connection.Secrets;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingConstants;
import org.mapstruct.Named;

import java.time.Instant;
import java.util.List;

/** The catalogue's manifests and check results as the API shows them. */
@Mapper(componentModel = MappingConstants.ComponentModel.JAKARTA)
public interface BackupViewMapper {
    @Mapping(target = "lastVerifyResult", qualifiedByName = "masked")
    @Mapping(target = "restoreTestResult", qualifiedByName = "masked")
    BackupView toView(BackupManifest manifest);

    List<BackupView> toViews(List<BackupManifest> manifests);

    @Mapping(target = "id", source = "manifest.id")
    @Mapping(target = "ok", expression = "java(result.ok())")
    @Mapping(target = "verifyResult", qualifiedByName = "masked")
    @Mapping(target = "restoreTestResult", qualifiedByName = "masked")
    @Mapping(target = "backup", source = "manifest")
    BackupCheckView toView(VerifyBackupUseCase.Result result);

    default PruneView toPruneView(List<BackupManifest> pruned, boolean dryRun) {
        return new PruneView(dryRun, toViews(pruned));
    }

    /** Check results quote tool errors, which might name a server with its password. */
    @Named("masked")
    default String masked(String result) {
        return Secrets.mask(result);
    }

    /** Which database a backup is of, as the manifest writes it. */
    default java.util.Map<String, Object> identity(com.partpal.db.domain.backup.DatabaseIdentity identity) {
        return identity == null ? null : identity.toMap();
    }

    /** Instants as UTC ISO-8601 text (Instant.toString is always UTC). */
    default String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
