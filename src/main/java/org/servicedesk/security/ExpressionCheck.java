package org.servicedesk.security;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstLiteral;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNumber;
import org.camunda.bpm.impl.juel.AstProperty;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * Reads a deployed expression with the engine's own JUEL parser and says what in it could reach
 * code: an expression may read process variables and their properties, call the documented helper
 * beans, and read or set variables on {@code execution} or {@code task}. It may not name another
 * bean, call a method on anything else, reach {@code class} (the way to {@code Runtime.exec}),
 * look up a property by a computed name, or call a function the engine does not provide.
 */
final class ExpressionCheck {

    /** The engine's built-in functions (dates and the current user). */
    private static final Set<String> FUNCTIONS = Set.of("now", "dateTime", "currentUser", "currentUserGroups");

    private static final Set<String> SCOPES = Set.of("execution", "task");

    /** What a process may ask of its execution or task: variables and identifiers, not the engine. */
    private static final Set<String> SCOPE_METHODS = Set.of("getVariable", "getVariableLocal", "hasVariable",
            "hasVariableLocal", "setVariable", "setVariableLocal", "getVariableTyped", "getProcessInstanceId",
            "getProcessBusinessKey", "getBusinessKey", "getId", "getActivityId", "getCurrentActivityId",
            "getEventName", "getName", "getAssignee", "getTenantId");

    private static final Set<String> SCOPE_PROPERTIES = Set.of("processInstanceId", "processBusinessKey",
            "businessKey", "id", "activityId", "currentActivityId", "currentActivityName", "eventName", "name",
            "assignee", "owner", "tenantId", "processDefinitionId", "taskDefinitionKey", "priority", "dueDate",
            "variables", "variablesLocal");

    /** Properties that lead from any object to its class, class loader or the engine. */
    private static final Set<String> FORBIDDEN_PROPERTIES = Set.of("class", "classloader", "declaringclass",
            "module", "processengine", "processengineservices", "processengineconfiguration", "context",
            "applicationcontext", "beanfactory", "environment");

    private final ExpressionBeans beans;

    ExpressionCheck(ExpressionBeans beans) {
        this.beans = beans;
    }

    /** Empty if the text (plain or holding expressions) is safe to evaluate, else why not. */
    Optional<String> problemIn(String text) {
        if (!text.contains("${") && !text.contains("#{")) {
            return Optional.empty();
        }
        Node root;
        try {
            root = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS).build(text).getRoot();
        } catch (TreeBuilderException e) {
            return Optional.of("the expression " + text + " cannot be read");
        }
        return problemIn(root).map(problem -> problem + " in " + text);
    }

    /** Empty if {@code ${name}} names one of our delegates or listeners. */
    Optional<String> problemInDelegate(String text) {
        String trimmed = text.trim();
        if (trimmed.matches("\\$\\{\\s*[A-Za-z_][A-Za-z0-9_]*\\s*}")) {
            String name = trimmed.substring(2, trimmed.length() - 1).trim();
            return beans.isDelegate(name) ? Optional.empty()
                    : Optional.of("delegate expression " + text + " names no delegate of the service desk");
        }
        return Optional.of("delegate expression " + text + " must be ${beanName} of one of the service desk's delegates");
    }

    private Optional<String> problemIn(Node node) {
        Optional<String> here = problemAt(node);
        if (here.isPresent()) {
            return here;
        }
        if (node instanceof AstMethod method) {
            // the called name was checked as a method; what remains is its target and its arguments
            return problemIn(method.getChild(0).getChild(0)).or(() -> problemIn(method.getChild(1)));
        }
        for (int i = 0; i < node.getCardinality(); i++) {
            Optional<String> below = problemIn(node.getChild(i));
            if (below.isPresent()) {
                return below;
            }
        }
        return Optional.empty();
    }

    private Optional<String> problemAt(Node node) {
        if (node instanceof AstFunction function) {
            return FUNCTIONS.contains(function.getName()) ? Optional.empty()
                    : Optional.of("the function " + function.getName() + " is not one of the engine's");
        }
        if (node instanceof AstMethod method) {
            return methodProblem((AstProperty) method.getChild(0));
        }
        if (node instanceof AstBracket bracket) {
            Node key = bracket.getChild(1);
            if (key instanceof AstString || key instanceof AstNumber) {
                Object value = ((AstLiteral) key).eval(null, null);
                return propertyProblem(bracket.getChild(0), String.valueOf(value));
            }
            return Optional.of("a property looked up by a computed name");
        }
        if (node instanceof AstDot dot) {
            return propertyProblem(dot.getChild(0), nameOf(dot));
        }
        if (node instanceof AstIdentifier identifier) {
            String name = identifier.getName();
            if (beans.isBean(name) && !beans.isHelper(name)) {
                return Optional.of("the bean " + name + " is not one of the helpers " + ExpressionBeans.HELPERS);
            }
        }
        return Optional.empty();
    }

    private Optional<String> methodProblem(AstProperty call) {
        if (!(call instanceof AstDot dot)) {
            return Optional.of("a method called by a computed name");
        }
        String method = nameOf(dot);
        Node target = dot.getChild(0);
        if (target instanceof AstIdentifier identifier) {
            String name = identifier.getName();
            if (beans.isHelper(name) && !FORBIDDEN_PROPERTIES.contains(method.toLowerCase(Locale.ROOT))
                    && !"getClass".equals(method)) {
                return Optional.empty();
            }
            if (SCOPES.contains(name) && SCOPE_METHODS.contains(method)) {
                return Optional.empty();
            }
        }
        return Optional.of("the method call " + method + "(...) on something other than a helper bean"
                + " or the variables of execution or task");
    }

    private static Optional<String> propertyProblem(Node target, String property) {
        String lower = property.toLowerCase(Locale.ROOT);
        if (FORBIDDEN_PROPERTIES.contains(lower) || lower.startsWith("getclass")) {
            return Optional.of("the property " + property);
        }
        if (target instanceof AstIdentifier identifier && SCOPES.contains(identifier.getName())
                && !SCOPE_PROPERTIES.contains(property)) {
            return Optional.of("the property " + identifier.getName() + "." + property
                    + " (only variables and identifiers of execution or task)");
        }
        return Optional.empty();
    }

    /** AstDot keeps its property name protected; its text is {@code ". name"}. */
    private static String nameOf(AstDot dot) {
        String text = dot.toString();
        return text.startsWith(". ") ? text.substring(2) : text;
    }
}
