package com.partpal.db.adapters.cli;

import com.partpal.db.adapters.postgres.PostgresServerFacts;
import com.partpal.db.application.ops.PoolingUseCase;
import com.partpal.db.application.ops.TuneUseCase;
import com.partpal.db.application.port.ops.ServerFacts;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** Operations commands: pool plans, tuning, load tests. */
@Factory
public class OpsWiring {
    @Singleton
    ServerFacts serverFacts() {
        return new PostgresServerFacts();
    }

    @Singleton
    PoolingUseCase poolingUseCase(ServerFacts facts) {
        return new PoolingUseCase(facts);
    }

    @Singleton
    TuneUseCase tuneUseCase(ServerFacts facts) {
        return new TuneUseCase(facts);
    }
}
