package org.servicedesk.security;

import java.util.Map;

import org.servicedesk.engine.DeploymentPolicy;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The desk's rules for the engine's DeploymentGuard: every new deployment passes
 * {@link DeploymentCheck}, and process expressions resolve only the beans of {@link ExpressionBeans}.
 */
@Component
class DeskDeploymentPolicy implements DeploymentPolicy {

    private final ExpressionBeans beans;

    private final DeploymentCheck check;

    DeskDeploymentPolicy(ApplicationContext context) {
        this.beans = new ExpressionBeans(context);
        this.check = new DeploymentCheck(new ExpressionCheck(beans));
    }

    @Override
    public Map<Object, Object> expressionBeans() {
        return beans;
    }

    @Override
    public void inspect(Map<String, byte[]> resources) {
        check.inspect(resources);
    }
}
