package com.partpal.db.application.port.ops;

import com.partpal.db.domain.ops.ServerLimits;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** What a running PostgreSQL server tells about itself, for pool plans and tuning. */
public interface ServerFacts {
    /**
     * max_connections, the reserved connections and the cores. {@code cores} given by the user wins; else the
     * adapter estimates them and says how, or refuses with one line asking for them.
     */
    ServerLimits limits(String location, Integer cores);

    /** The role's stored SCRAM secret, when the connecting role may read pg_authid and the role has one. */
    Optional<String> storedScramSecret(String location, String role);

    /** A SCRAM-SHA-256 secret of {@code password} with a new random salt, as PostgreSQL would store it. */
    String newScramSecret(String password);

    /** The server machine's memory in bytes and where that figure came from; empty when it cannot be told. */
    Optional<Map.Entry<Long, String>> memory(String location);

    /** The current values of the named settings, as SHOW prints them (e.g. 128MB). */
    Map<String, String> settings(String location, Collection<String> names);
}
