package com.partpal.db.adapters.cli;

import com.partpal.db.adapters.cli.wiring.Wiring;
import com.partpal.db.application.monitoring.MonitoringUseCase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.inject.BeanDefinition;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandContextTest {
    @Test
    void theCommandsBeansAreThereButNoHttpServerRouterOrMetrics() {
        try (ApplicationContext context = new CommandContext().start()) {
            assertNotNull(context.getBean(MigrateCommand.class).useCase);
            assertNotNull(context.getBean(MonitoringUseCase.class));
            assertNotNull(context.getBean(JsonMapper.class));
            assertFalse(context.containsBean(EmbeddedServer.class));
            for (BeanDefinition<?> definition : context.getAllBeanDefinitions()) {
                String name = definition.getClass().getName();
                assertFalse(CommandContext.leftOut(name), name);
                assertFalse(name.contains(".metrics.") || name.contains("Prometheus"), name);
            }
        }
    }

    @Test
    void whatIsLeftOutIsTheHttpSideOnly() {
        assertTrue(CommandContext.leftOut("io.micronaut.http.server.netty.$NettyHttpServer$Definition"));
        assertTrue(CommandContext.leftOut("com.partpal.db.adapters.http.$JobsController$Definition"));
        assertTrue(CommandContext.leftOut("io.micronaut.configuration.metrics.micrometer.prometheus.$PrometheusMeterRegistryFactory$Definition"));
        assertFalse(CommandContext.leftOut("com.partpal.db.adapters.cli.$Wiring$Definition"));
        assertFalse(CommandContext.leftOut("io.micronaut.jackson.$ObjectMapperFactory$Definition"));
    }
}
