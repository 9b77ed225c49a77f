package org.servicedesk.security;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Refuses a deployment whose user tasks or start events bind a Camunda Form <em>by deployment</em>
 * ({@code camunda:formRefBinding="deployment"}) that the deployment does not hold. The engine would
 * accept it and the agent would meet a task without a form in Tasklist. It happens easily from Camunda
 * Modeler: the forms must be added as additional files, and the Modeler deploys only the files that
 * changed since the last deployment of the same name.
 */
final class FormBindingCheck {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Problems of one deployment, given its resources by name. */
    List<String> problemsIn(Map<String, byte[]> resources) {
        Set<String> forms = new HashSet<>();
        resources.forEach((name, bytes) -> {
            if (name.toLowerCase(Locale.ROOT).endsWith(".form")) {
                formId(bytes).ifPresent(forms::add);
            }
        });
        List<String> problems = new ArrayList<>();
        resources.forEach((name, bytes) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".bpmn") || lower.endsWith(".bpmn20.xml")) {
                for (Element element : deploymentBoundForms(bytes)) {
                    String form = element.getAttributeNS(DeploymentCheck.CAMUNDA_NS, "formRef");
                    if (!forms.contains(form)) {
                        problems.add(name + ": " + element.getLocalName() + " '" + element.getAttribute("id")
                                + "' binds the form " + form + " by deployment, but this deployment does not hold it."
                                + " Add the form file whose id is " + form + " (Camunda Modeler: Include additional"
                                + " files) and give the deployment a name not used before: the Modeler leaves out"
                                + " files unchanged since the last deployment of the same name");
                    }
                }
            }
        });
        return problems;
    }

    private static Optional<String> formId(byte[] bytes) {
        try {
            JsonNode id = JSON.readTree(bytes).get("id");
            return id != null && id.isTextual() ? Optional.of(id.asText()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // not a form the engine could show either; Tasklist reports it
        }
    }

    private static List<Element> deploymentBoundForms(byte[] bytes) {
        List<Element> bound = new ArrayList<>();
        NodeList all;
        try {
            all = DeploymentCheck.parse(bytes).getElementsByTagNameNS("*", "*");
        } catch (Exception e) {
            return bound; // DeploymentCheck reports the malformed file
        }
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            if (element.hasAttributeNS(DeploymentCheck.CAMUNDA_NS, "formRef")
                    && "deployment".equals(element.getAttributeNS(DeploymentCheck.CAMUNDA_NS, "formRefBinding"))) {
                bound.add(element);
            }
        }
        return bound;
    }
}
