/**
 * The composition root, the one place that chooses adapters, used alike by the commands (CommandContext) and by
 * {@code serve} (ApiServer's context): Micronaut factories named *Wiring, one per area (migration, verification,
 * jobs, backups, monitoring, operations), and the engine adapters they register.
 */
package com.partpal.db.adapters.cli.wiring;
