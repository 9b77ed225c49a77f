package org.servicedesk.security;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.camunda.bpm.engine.BadUserRequestException;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Runs before the engine's own deployers on every new deployment, whoever sends it (our
 * {@code ProcessDeployer}, Camunda Modeler, {@code POST /engine-rest/deployment/create}, a
 * redeploy), and refuses one that could run code on the server or in an agent's browser: script
 * tasks and scripts of any kind, Java classes, delegates that are not the service desk's own
 * beans, expressions that reach beyond variables and the helper beans ({@link ExpressionCheck}),
 * decisions in another language than FEEL, embedded HTML forms, and resources the service desk
 * does not deploy (CMMN, scripts, pages), and user tasks whose form, bound by deployment, the deployment
 * lacks ({@link FormBindingCheck}). The refusal is a {@link BadUserRequestException}, a 400
 * on the REST API, naming every element at fault.
 */
final class DeploymentCheck {

    static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

    /**
     * The namespaces whose attributes and elements the engine reads as its own: Camunda's, and
     * Activiti's, which Camunda 7's parser still accepts as an alternative (activiti:class runs a class).
     */
    static final Set<String> ENGINE_NAMESPACES = Set.of(CAMUNDA_NS, "http://activiti.org/bpmn");

    private static final List<String> ALLOWED_SUFFIXES = List.of(".bpmn", ".bpmn20.xml", ".dmn", ".dmn11.xml",
            ".form", ".png");

    /** Elements whose text is for people and never evaluated. */
    private static final Set<String> PROSE = Set.of("documentation", "text");

    private static final Set<String> CLASS_ATTRIBUTES = Set.of("class", "variableMappingClass");

    private static final Set<String> DELEGATE_ATTRIBUTES = Set.of("delegateExpression",
            "variableMappingDelegateExpression");

    private static final Set<String> FEEL = Set.of("feel", "https://www.omg.org/spec/dmn/20191111/feel/",
            "http://www.omg.org/spec/feel/20140401");

    private final ExpressionCheck expressions;

    private final FormBindingCheck forms = new FormBindingCheck();

    DeploymentCheck(ExpressionCheck expressions) {
        this.expressions = expressions;
    }

    /** Refuses the new deployment of {@code resources} (by name, in the engine's order) naming every problem. */
    void inspect(Map<String, byte[]> resources) {
        List<String> problems = new ArrayList<>();
        resources.forEach((name, bytes) -> problems.addAll(problemsIn(name, bytes)));
        problems.addAll(forms.problemsIn(resources));
        if (!problems.isEmpty()) {
            throw new BadUserRequestException("Deployment refused: " + String.join("; ", problems));
        }
    }

    List<String> problemsIn(String name, byte[] bytes) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (ALLOWED_SUFFIXES.stream().noneMatch(lower::endsWith)) {
            return List.of(name + ": only BPMN, DMN, Camunda Forms and PNG images may be deployed");
        }
        if (lower.endsWith(".form") || lower.endsWith(".png")) {
            return List.of();
        }
        Element root;
        try {
            root = parse(bytes).getDocumentElement();
        } catch (Exception e) {
            return List.of(name + ": not well-formed XML (" + e.getMessage() + ")");
        }
        List<String> problems = new ArrayList<>();
        boolean dmn = lower.endsWith(".dmn") || lower.endsWith(".dmn11.xml");
        check(root, dmn, problems, name);
        return problems;
    }

    private void check(Element element, boolean dmn, List<String> problems, String resource) {
        String local = element.getLocalName();
        if (PROSE.contains(local)) {
            return;
        }
        String where = resource + ": " + describe(element) + " ";
        if (!dmn) {
            elementProblem(element).ifPresent(problem -> problems.add(where + problem));
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            attributeProblem(element, attribute, dmn).ifPresent(problem -> problems.add(where + problem));
        }
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node child = children.item(i);
            if (child instanceof Element nested) {
                check(nested, dmn, problems, resource);
            } else if (!dmn && (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE)) {
                expressions.problemIn(child.getNodeValue()).ifPresent(problem -> problems.add(where + "has " + problem));
            }
        }
    }

    private static Optional<String> elementProblem(Element element) {
        String local = element.getLocalName();
        boolean camunda = ENGINE_NAMESPACES.contains(String.valueOf(element.getNamespaceURI()));
        if ("scriptTask".equals(local)) {
            return Optional.of("is a script task: scripts run code on the server; use a service task with a delegate");
        }
        if (camunda && "script".equals(local)) {
            return Optional.of("holds a script: scripts run code on the server");
        }
        if (camunda && "connector".equals(local)) {
            return Optional.of("uses a connector: outside calls are made by the service desk's delegates");
        }
        if (element.hasAttribute("language")) {
            return Optional.of("has a condition in the script language " + element.getAttribute("language"));
        }
        return Optional.empty();
    }

    private Optional<String> attributeProblem(Element element, Attr attribute, boolean dmn) {
        if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attribute.getNamespaceURI())) {
            return Optional.empty();
        }
        String local = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
        String value = attribute.getValue();
        if (dmn) {
            if ("expressionLanguage".equals(local) && !FEEL.contains(value.toLowerCase(Locale.ROOT))) {
                return Optional.of("uses the expression language " + value + ": decisions are written in FEEL");
            }
            return Optional.empty();
        }
        boolean camunda = ENGINE_NAMESPACES.contains(String.valueOf(attribute.getNamespaceURI()))
                || ENGINE_NAMESPACES.contains(String.valueOf(element.getNamespaceURI()));
        if (camunda && CLASS_ATTRIBUTES.contains(local)) {
            return Optional.of("names the Java class " + value + ": use a delegate expression of the service desk");
        }
        if (camunda && DELEGATE_ATTRIBUTES.contains(local)) {
            return expressions.problemInDelegate(value);
        }
        if (camunda && "formKey".equals(local) && !value.startsWith("camunda-forms:")) {
            return Optional.of("uses the form " + value + ": only Camunda Forms (formRef or camunda-forms:)");
        }
        if (camunda && "resource".equals(local)) {
            return Optional.of("loads the resource " + value);
        }
        return expressions.problemIn(value).map(problem -> "has " + problem);
    }

    private static String describe(Element element) {
        String id = element.getAttribute("id");
        if (id.isEmpty() && element.getParentNode() instanceof Element parent) {
            return element.getLocalName() + " in " + describe(parent);
        }
        String name = element.getAttribute("name");
        return element.getLocalName() + " '" + id + "'" + (name.isEmpty() ? "" : " (" + name + ")");
    }

    static org.w3c.dom.Document parse(byte[] bytes) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(null);
        return builder.parse(new ByteArrayInputStream(bytes));
    }
}
