package com.partpal.db.application.backup;

import com.partpal.db.application.port.backup.BackupCatalog;
import com.partpal.db.application.port.backup.CatalogueLock;
import com.partpal.db.application.port.backup.PendingBackup;
import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.backup.BackupFormat;
import com.partpal.db.domain.backup.BackupManifest;
import com.partpal.db.domain.backup.BackupRun;
import com.partpal.db.domain.backup.CatalogueDatabase;
import com.partpal.db.domain.backup.DatabaseIdentity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * What every {@link BackupCatalog} must do. An implementation's test extends this class: {@link #newCatalog()} gives
 * an empty catalogue and {@link #write} puts bytes where a backup engine would write them ({@link PendingBackup#file()}).
 */
public abstract class BackupCatalogContract {
    private static final DatabaseIdentity SHOP = DatabaseIdentity.sqlite("/srv/shop/shop.db");
    private static final DatabaseIdentity CRM = DatabaseIdentity.sqlite("/srv/crm/crm.db");

    private BackupCatalog catalog;

    protected abstract BackupCatalog newCatalog();

    /** Writes bytes as the engine's dump would, to the pending backup's temporary file. */
    protected abstract void write(PendingBackup pending, byte[] bytes);

    @BeforeEach
    void create() {
        catalog = newCatalog();
    }

    private BackupManifest backUp(DatabaseIdentity identity, String startedAt, String content) {
        Instant at = Instant.parse(startedAt);
        try (CatalogueLock lock = catalog.lock(CatalogueDatabase.of(identity), false);
             PendingBackup pending = catalog.begin(identity, BackupFormat.SQLITE, at)) {
            write(pending, content.getBytes(StandardCharsets.UTF_8));
            return pending.commit(new BackupManifest(pending.id(), identity.label(), identity.engine(), "3.45",
                    "3.45", at, at.plusSeconds(2), pending.size(), pending.sha256(), "sqlite", "none",
                    Map.of("parts", 3L), null, null, null, null, identity, null));
        }
    }

    @Test
    void aNewCatalogueHoldsNothing() {
        assertEquals(List.of(), catalog.list());
        assertEquals(Optional.empty(), catalog.find("shop-20260301T100000Z"));
        assertEquals(Optional.empty(), catalog.lastRun(CatalogueDatabase.of(SHOP)));
    }

    @Test
    void aCommittedBackupIsListedFoundAndItsFileMatchesItsChecksum() {
        BackupManifest manifest = backUp(SHOP, "2026-03-01T10:00:00Z", "the shop's pages");
        assertEquals(List.of(manifest), catalog.list());
        assertEquals(Optional.of(manifest), catalog.find(manifest.id()));
        assertEquals(16, manifest.sizeBytes());
        assertEquals(manifest.sha256(), catalog.sha256Now(catalog.source(manifest)));
        assertEquals(BackupFormat.SQLITE, catalog.source(manifest).format());
    }

    @Test
    void aBackupClosedWithoutCommitIsNeverListed() {
        try (PendingBackup pending = catalog.begin(SHOP, BackupFormat.SQLITE, Instant.parse("2026-03-01T10:00:00Z"))) {
            write(pending, new byte[] {1, 2, 3});
        }
        assertEquals(List.of(), catalog.list());
    }

    @Test
    void backupsOfEveryDatabaseAreListedOldestFirst() {
        BackupManifest newer = backUp(SHOP, "2026-03-02T10:00:00Z", "tuesday");
        BackupManifest older = backUp(CRM, "2026-03-01T10:00:00Z", "monday");
        BackupManifest newest = backUp(SHOP, "2026-03-03T10:00:00Z", "wednesday");
        assertEquals(List.of(older, newer, newest), catalog.list());
    }

    @Test
    void anUpdateReplacesTheManifest() {
        BackupManifest manifest = backUp(SHOP, "2026-03-01T10:00:00Z", "pages");
        BackupManifest verified = manifest.withVerification(Instant.parse("2026-03-02T00:00:00Z"), BackupManifest.OK);
        catalog.update(verified);
        assertEquals(Optional.of(verified), catalog.find(manifest.id()));
        assertEquals(List.of(verified), catalog.list());
    }

    @Test
    void aDeletedBackupIsGoneWithItsFile() {
        BackupManifest gone = backUp(SHOP, "2026-03-01T10:00:00Z", "old pages");
        BackupManifest kept = backUp(SHOP, "2026-03-02T10:00:00Z", "new pages");
        catalog.delete(gone);
        assertEquals(List.of(kept), catalog.list());
        assertEquals(Optional.empty(), catalog.find(gone.id()));
        assertThrows(BadInputException.class, () -> catalog.sha256Now(catalog.source(gone)));
    }

    @Test
    void theLastRunIsKeptPerDatabase() {
        BackupRun failed = new BackupRun(Instant.parse("2026-03-01T10:00:00Z"), Instant.parse("2026-03-01T10:00:05Z"),
                "failed: disk full", null);
        catalog.recordRun(CatalogueDatabase.of(SHOP), failed);
        assertEquals(Optional.of(failed), catalog.lastRun(CatalogueDatabase.of(SHOP)));
        assertEquals(Optional.empty(), catalog.lastRun(CatalogueDatabase.of(CRM)));
    }

    @Test
    void aReleasedLockCanBeTakenAgain() {
        CatalogueDatabase shop = CatalogueDatabase.of(SHOP);
        catalog.lock(shop, false).close();
        catalog.lock(shop, false).close();
    }
}
