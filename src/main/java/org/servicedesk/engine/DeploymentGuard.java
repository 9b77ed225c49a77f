package org.servicedesk.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Makes deploying no back door to the server: every new deployment passes the
 * {@link DeploymentPolicy} before the engine parses it (a deployer ahead of the engine's own), and
 * process expressions resolve only the policy's beans instead of the whole application context.
 */
@Component
class DeploymentGuard extends AbstractProcessEnginePlugin {

    private final ApplicationContext context;

    private final DeploymentPolicy policy;

    DeploymentGuard(ApplicationContext context, DeploymentPolicy policy) {
        this.context = context;
        this.policy = policy;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        Map<Object, Object> beans = policy.expressionBeans();
        configuration.setBeans(beans);
        configuration.setExpressionManager(new SpringExpressionManager(context, beans));
        List<Deployer> preDeployers = new ArrayList<>();
        preDeployers.add(new PolicyCheck(policy));
        if (configuration.getCustomPreDeployers() != null) {
            preDeployers.addAll(configuration.getCustomPreDeployers());
        }
        configuration.setCustomPreDeployers(preDeployers);
    }

    /** Hands each new deployment's resources to the policy. */
    private record PolicyCheck(DeploymentPolicy policy) implements Deployer {

        @Override
        public void deploy(DeploymentEntity deployment) {
            if (!deployment.isNew()) {
                return; // checked when it was deployed; the engine is only reloading its cache
            }
            Map<String, byte[]> resources = new LinkedHashMap<>();
            for (ResourceEntity resource : deployment.getResources().values()) {
                resources.put(resource.getName(), resource.getBytes());
            }
            policy.inspect(resources);
        }
    }
}
