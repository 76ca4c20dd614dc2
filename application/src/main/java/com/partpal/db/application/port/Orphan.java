package com.partpal.db.application.port;

import com.partpal.db.domain.schema.ForeignKey;

/** A loaded row whose foreign key pointed at no parent row; it has been removed from the target. */
public record Orphan(String table, long rowid, ForeignKey foreignKey) {
}
