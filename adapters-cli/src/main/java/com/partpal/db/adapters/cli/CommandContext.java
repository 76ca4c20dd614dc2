package com.partpal.db.adapters.cli;

import io.micronaut.context.ApplicationContextConfiguration;
import io.micronaut.context.DefaultApplicationContext;
import io.micronaut.core.io.service.MicronautMetaServiceLoaderUtils;
import io.micronaut.inject.BeanDefinitionReference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The commands' application context: every bean definition on the class path but the HTTP server's, the router's,
 * the metrics' and our HTTP API's. Micronaut loads the class of every bean definition it is given when it starts
 * (about 0.4 s of a command's start-up for those alone); `serve` starts the HTTP API on a context of its own
 * ({@link com.partpal.db.adapters.http.ApiServer}) that has them all.
 */
final class CommandContext extends DefaultApplicationContext {
    /** Class name prefixes of the bean definitions left out. */
    static final List<String> LEFT_OUT = List.of(
            "io.micronaut.http.", "io.micronaut.web.", "io.micronaut.websocket.", "io.micronaut.buffer.netty.",
            "io.micronaut.runtime.http.", "io.micronaut.runtime.server.", "io.micronaut.configuration.metrics.",
            "com.partpal.db.adapters.http.");

    private List<BeanDefinitionReference> references;

    CommandContext() {
        super(new ApplicationContextConfiguration() {
            @Override
            public List<String> getEnvironments() {
                return List.of();
            }

            @Override
            public Optional<Boolean> getDeduceEnvironments() {
                return Optional.of(false);
            }
        });
    }

    @Override
    protected synchronized List<BeanDefinitionReference> resolveBeanDefinitionReferences() {
        if (references == null) {
            references = loadReferences();
        }
        return references;
    }

    static boolean leftOut(String className) {
        return LEFT_OUT.stream().anyMatch(className::startsWith);
    }

    private List<BeanDefinitionReference> loadReferences() {
        ClassLoader loader = getClassLoader();
        List<BeanDefinitionReference> kept = new ArrayList<>();
        try {
            for (String name : MicronautMetaServiceLoaderUtils.findMicronautMetaServiceEntries(
                    loader, BeanDefinitionReference.class.getName())) {
                if (!leftOut(name)) {
                    load(name, loader).filter(BeanDefinitionReference::isPresent).ifPresent(kept::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return kept;
    }

    /** Empty when a class it needs is not on the class path (an optional dependency), as Micronaut's loading does. */
    private static Optional<BeanDefinitionReference> load(String name, ClassLoader loader) {
        try {
            return Optional.of((BeanDefinitionReference) Class.forName(name, true, loader).getDeclaredConstructor().newInstance());
        } catch (NoClassDefFoundError | ClassNotFoundException e) {
            return Optional.empty();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("bean definition " + name + " could not be loaded", e);
        }
    }
}
