package com.partpal.db.application.port.backup;

/** Held while one run works on one database's backups in a catalogue; closing it lets the next run in. */
public interface CatalogueLock extends AutoCloseable {
    @Override
    void close();
}
