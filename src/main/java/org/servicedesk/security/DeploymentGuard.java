package org.servicedesk.security;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Makes deploying no back door to the server: every new deployment passes {@link DeploymentCheck}
 * before the engine parses it, and process expressions resolve only the beans of
 * {@link ExpressionBeans} instead of the whole application context.
 */
@Component
class DeploymentGuard extends AbstractProcessEnginePlugin {

    private final ApplicationContext context;

    DeploymentGuard(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        ExpressionBeans beans = new ExpressionBeans(context);
        configuration.setBeans(beans);
        configuration.setExpressionManager(new SpringExpressionManager(context, beans));
        List<Deployer> preDeployers = new ArrayList<>();
        preDeployers.add(new DeploymentCheck(new ExpressionCheck(beans)));
        if (configuration.getCustomPreDeployers() != null) {
            preDeployers.addAll(configuration.getCustomPreDeployers());
        }
        configuration.setCustomPreDeployers(preDeployers);
    }
}
