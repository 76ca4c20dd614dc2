package com.partpal.db.application.backup;

import com.partpal.db.application.port.backup.BackupCatalog;
import com.partpal.db.application.port.backup.BackupEngine;
import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.backup.BackupManifest;
import com.partpal.db.domain.backup.CatalogueDatabase;
import com.partpal.db.domain.backup.DatabaseIdentity;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Picks the one database a command acts on among those a catalogue holds. {@code --db} may be the database's URL or
 * file, or its label as {@code backups list} shows it; without it, a catalogue of one database means that one and a
 * catalogue of several is refused with their list, so no command ever falls on another database's backups.
 */
final class CatalogueSelection {
    private static final Comparator<BackupManifest> OLDEST_FIRST =
            Comparator.comparing(BackupManifest::startedAt).thenComparing(BackupManifest::id);

    private final BackupEngines engines;
    private final BackupCatalog catalog;
    private final List<BackupManifest> all;

    CatalogueSelection(BackupEngines engines, BackupCatalog catalog) {
        this.engines = engines;
        this.catalog = catalog;
        this.all = catalog.list();
    }

    List<BackupManifest> all() {
        return all;
    }

    /** The databases catalogued, in the order of their first backup. */
    Map<String, CatalogueDatabase> databases() {
        Map<String, CatalogueDatabase> databases = new LinkedHashMap<>();
        all.forEach(m -> databases.putIfAbsent(m.catalogueDatabase().key(), m.catalogueDatabase()));
        return databases;
    }

    /** The database selector names (null: the only one), or a BadInputException listing the choices. */
    CatalogueDatabase select(String selector) {
        Map<String, CatalogueDatabase> databases = databases();
        if (selector == null || selector.isBlank()) {
            if (databases.size() == 1) {
                return databases.values().iterator().next();
            }
            if (databases.isEmpty()) {
                throw new BadInputException("no backups in " + catalog.where());
            }
            throw new BadInputException(catalog.where() + " holds backups of " + databases.size()
                    + " databases: name one with --db (" + choices(databases) + ")");
        }
        Optional<CatalogueDatabase> byLocation = located(selector).isPresent() ? find(selector) : Optional.empty();
        if (byLocation.isPresent()) {
            return byLocation.get();
        }
        Optional<CatalogueDatabase> bareFile = locatedAnyway(selector).map(id -> databases.get(id.key()));
        List<CatalogueDatabase> byLabel = databases.values().stream()
                .filter(d -> d.label().equals(selector) || d.key().equals(selector)).toList();
        if (byLabel.size() == 1) {
            return byLabel.get(0);
        }
        if (byLabel.isEmpty() && bareFile.isPresent()) {
            return bareFile.get();
        }
        if (byLabel.size() > 1) {
            throw new BadInputException("--db " + selector + " names " + byLabel.size() + " databases in "
                    + catalog.where() + ": give its URL or file (" + choices(byLabel.stream()
                    .collect(Collectors.toMap(CatalogueDatabase::key, d -> d, (a, b) -> a, LinkedHashMap::new))) + ")");
        }
        throw new BadInputException("no backups of " + located(selector).map(DatabaseIdentity::describe)
                .orElse(selector) + " in " + catalog.where()
                + (databases.isEmpty() ? "" : " (it holds: " + choices(databases) + ")"));
    }

    /**
     * The database selector names when it is written as a location: a URL, or a path with a directory in it (a bare
     * name is first taken as a label). No connection is made.
     */
    Optional<DatabaseIdentity> located(String selector) {
        boolean location = selector.contains("://") || selector.startsWith("jdbc:") || selector.startsWith("file:")
                || selector.startsWith("sqlite:") || selector.contains("/") || selector.contains("\\");
        return location ? locatedAnyway(selector) : Optional.empty();
    }

    private Optional<DatabaseIdentity> locatedAnyway(String selector) {
        try {
            return Optional.of(engines.forLocation(selector).locate(selector));
        } catch (BadInputException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The catalogued database a location (URL or file) is. First by the address its backups were taken at, as written,
     * without a connection (so `backups check` works while the server is down); else by the identity the engine reads
     * from the database itself (a PostgreSQL server's system identifier and the database name), so localhost,
     * 127.0.0.1 and ::1 find the same database. Empty when the catalogue holds no backup of it.
     */
    Optional<CatalogueDatabase> find(String location) {
        return find(location, true);
    }

    /** Like {@link #find(String)}, by the address alone: for a location that could not be reached just now. */
    Optional<CatalogueDatabase> findWithoutConnecting(String location) {
        return find(location, false);
    }

    private Optional<CatalogueDatabase> find(String location, boolean connect) {
        Optional<DatabaseIdentity> located = locatedAnyway(location);
        if (located.isEmpty()) {
            return Optional.empty();
        }
        Map<String, CatalogueDatabase> databases = databases();
        String address = located.get().addressKey();
        List<CatalogueDatabase> atAddress = all.stream()
                .filter(m -> m.identity() != null && m.identity().addressKey().equals(address))
                .map(BackupManifest::catalogueDatabase).distinct().toList();
        if (atAddress.size() == 1) {
            return Optional.of(atAddress.get(0));
        }
        if (!connect) {
            return Optional.empty();
        }
        Optional<CatalogueDatabase> identified = identified(location).map(id -> databases.get(id.key()));
        if (identified.isPresent() || atAddress.isEmpty()) {
            return identified;
        }
        throw new BadInputException(catalog.directory() + " holds backups of " + atAddress.size() + " databases taken at "
                + located.get().describe() + " (the server there was replaced?) and it cannot be reached to tell which"
                + " it is: " + choices(atAddress.stream().collect(Collectors.toMap(CatalogueDatabase::key, d -> d,
                (a, b) -> a, LinkedHashMap::new))));
    }

    private Optional<DatabaseIdentity> identified(String location) {
        try {
            return Optional.of(engines.forLocation(location).identify(location));
        } catch (BadInputException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The backups of one database, oldest first. */
    List<BackupManifest> backupsOf(CatalogueDatabase database) {
        return all.stream().filter(m -> m.catalogueDatabase().key().equals(database.key())).sorted(OLDEST_FIRST)
                .toList();
    }

    Optional<BackupManifest> newest(CatalogueDatabase database) {
        return backupsOf(database).stream().reduce((older, newer) -> newer);
    }

    Optional<BackupManifest> newestGood(CatalogueDatabase database) {
        return backupsOf(database).stream().filter(BackupManifest::good).reduce((older, newer) -> newer);
    }

    private static String choices(Map<String, CatalogueDatabase> databases) {
        return databases.values().stream().map(d -> d.label() + " = " + d.describe())
                .collect(Collectors.joining("; "));
    }
}
