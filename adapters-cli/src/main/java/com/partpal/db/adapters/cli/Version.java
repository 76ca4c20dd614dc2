package com.partpal.db.adapters.cli;

import picocli.CommandLine;

/** The version from the jar manifest (or "dev" when run from classes). */
public final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = PartpalDb.class.getPackage().getImplementationVersion();
        return new String[] {"partpal-db " + (v == null ? "dev" : v)};
    }
}
