package org.servicedesk.system;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys {@code processes/} (BPMN, DMN) and {@code forms/} as one deployment under stable
 * names ({@code processes/ticket-lifecycle.bpmn}). The engine compares them with the last
 * deployment and deploys nothing when nothing changed, so a restart makes no new versions.
 * Everything is deployed together, because the BPMN binds its forms and decisions by deployment.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProcessDeployer implements ApplicationRunner {

    public static final String DEPLOYMENT_NAME = "service-desk";

    static final List<String> PATTERNS = List.of("processes/*.bpmn", "processes/*.dmn", "forms/*.form");

    private static final Logger log = LoggerFactory.getLogger(ProcessDeployer.class);

    private final RepositoryService repositoryService;

    ProcessDeployer(RepositoryService repositoryService) {
        this.repositoryService = repositoryService;
    }

    @Override
    public void run(ApplicationArguments args) {
        deploy();
    }

    public Deployment deploy() {
        DeploymentBuilder builder = repositoryService.createDeployment()
                .name(DEPLOYMENT_NAME)
                .source(DEPLOYMENT_NAME)
                .enableDuplicateFiltering(false);
        for (Resource resource : resources()) {
            String name = classpathName(resource);
            try (InputStream in = resource.getInputStream()) {
                builder.addInputStream(name, new ByteArrayInputStream(in.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + name, e);
            }
        }
        Deployment deployment = builder.deploy();
        log.info("deployment {}: {} ({} resources)", DEPLOYMENT_NAME, deployment.getId(), builder.getResourceNames().size());
        return deployment;
    }

    private static List<Resource> resources() {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        List<Resource> resources = new ArrayList<>();
        for (String pattern : PATTERNS) {
            try {
                resources.addAll(List.of(resolver.getResources("classpath:" + pattern)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        resources.sort(Comparator.comparing(ProcessDeployer::classpathName));
        return resources;
    }

    /** {@code processes/ticket-lifecycle.bpmn}, whether the classpath is a folder or a jar. */
    static String classpathName(Resource resource) {
        try {
            String url = resource.getURL().toString();
            for (String folder : List.of("processes/", "forms/")) {
                int at = url.lastIndexOf("/" + folder);
                if (at >= 0) {
                    return url.substring(at + 1);
                }
            }
            return resource.getFilename();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
