package org.servicedesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.servicedesk.ServedEngine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.test.context.ActiveProfiles;

/**
 * Deploying is no back door: each refused model below ran code on the server before the guard
 * (a script task, a Java class, an expression reaching {@code Runtime} or a bean that is not a
 * helper), and is now refused with a message naming the element. Our own processes, and an
 * analyst's change that keeps to variables, helpers and our delegates, still deploy.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DeploymentGuardTest {

    @LocalServerPort int port;

    @Autowired ProcessEngine processEngine;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;

    @TempDir Path temp;

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void serveThisContextsEngine() {
        ServedEngine.serve(processEngine);
    }

    @Test
    void aScriptTaskDeployedByAnAnalystThroughRestIsRefusedNamingTheTask() throws Exception {
        Path file = temp.resolve("pwned-by-script");
        String bpmn = process("Process_Script", """
                <scriptTask id="Task_RunScript" name="Run script" scriptFormat="javascript">
                  <script>java.lang.Runtime.getRuntime().exec("touch %s")</script>
                </scriptTask>""".formatted(file));

        HttpResponse<String> response = deploy("ana", "script.bpmn", bpmn);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("Task_RunScript").contains("script task");
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("Process_Script").count())
                .isZero();
        assertThat(file).doesNotExist();
    }

    @Test
    void anExpressionThatRunsACommandIsRefusedAndNothingRuns() throws Exception {
        Path file = temp.resolve("pwned-by-expression");
        String exploit = EngineAttackSurfaceTest.touching(file).replace("\"", "&quot;");
        String bpmn = process("Process_Exploit", """
                <serviceTask id="Task_Exploit" name="Exploit" camunda:expression="%s"/>""".formatted(exploit));

        HttpResponse<String> response = deploy("ana", "exploit.bpmn", bpmn);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("Task_Exploit");
        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("Process_Exploit")).isNotNull();
        assertThat(file).doesNotExist();
    }

    static Object[][] backDoors() {
        return new Object[][] {
            {"a Java class as delegate", "<serviceTask id=\"Task_Class\" name=\"Class\" camunda:class=\"java.lang.Object\"/>",
                "Task_Class", "Java class"},
            {"a Java class in the Activiti namespace, which the engine still reads",
                "<serviceTask id=\"Task_Activiti\" name=\"Activiti\" xmlns:activiti=\"http://activiti.org/bpmn\""
                + " activiti:class=\"java.lang.Object\"/>", "Task_Activiti", "Java class"},
            {"a listener class in the Activiti namespace", "<userTask id=\"Task_ActivitiListener\" name=\"Listener\""
                + " xmlns:activiti=\"http://activiti.org/bpmn\"><extensionElements>"
                + "<activiti:taskListener class=\"x.Evil\" event=\"create\"/></extensionElements></userTask>",
                "Task_ActivitiListener", "Java class"},
            {"a listener class", "<userTask id=\"Task_Listener\" name=\"Listener\"><extensionElements>"
                + "<camunda:taskListener class=\"x.Evil\" event=\"create\"/></extensionElements></userTask>",
                "Task_Listener", "Java class"},
            {"a delegate that is not ours", "<serviceTask id=\"Task_Engine\" name=\"Engine\""
                + " camunda:delegateExpression=\"${processEngine}\"/>", "Task_Engine", "names no delegate"},
            {"a bean that is not a helper", "<serviceTask id=\"Task_Bean\" name=\"Bean\""
                + " camunda:expression=\"${dataSource.connection}\"/>", "Task_Bean", "dataSource"},
            {"the engine through execution", "<serviceTask id=\"Task_Services\" name=\"Services\""
                + " camunda:expression=\"${execution.processEngineServices.runtimeService}\"/>", "Task_Services",
                "processEngineServices"},
            {"a method on a variable", "<serviceTask id=\"Task_Method\" name=\"Method\""
                + " camunda:expression=\"${someVariable.getClass()}\"/>", "Task_Method", "getClass"},
            {"a class through a bracket", "<serviceTask id=\"Task_Bracket\" name=\"Bracket\""
                + " camunda:expression=\"${deskTimers['class']}\"/>", "Task_Bracket", "class"},
            {"a script in an input", "<userTask id=\"Task_Input\" name=\"Input\"><extensionElements><camunda:inputOutput>"
                + "<camunda:inputParameter name=\"x\"><camunda:script scriptFormat=\"groovy\">1</camunda:script>"
                + "</camunda:inputParameter></camunda:inputOutput></extensionElements></userTask>", "Task_Input", "script"},
            {"a script condition", "<sequenceFlow id=\"Flow_Script\" sourceRef=\"StartEvent_Guard\" targetRef=\"EndEvent_Guard\">"
                + "<conditionExpression xsi:type=\"tFormalExpression\" language=\"groovy\">true</conditionExpression>"
                + "</sequenceFlow>", "conditionExpression in sequenceFlow 'Flow_Script'", "groovy"},
            {"an embedded HTML form", "<userTask id=\"Task_Html\" name=\"Html\" camunda:formKey=\"embedded:app:x.html\"/>",
                "Task_Html", "Camunda Forms"},
            {"a timer reaching a bean", "<intermediateCatchEvent id=\"Event_Timer\" name=\"Timer\"><timerEventDefinition>"
                + "<timeDuration xsi:type=\"tFormalExpression\">${environment.getProperty('x')}</timeDuration>"
                + "</timerEventDefinition></intermediateCatchEvent>", "timeDuration", "environment"},
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backDoors")
    void aModelThatReachesCodeIsRefusedNamingTheElement(String what, String element, String named, String why) {
        String bpmn = process("Process_BackDoor", element);
        assertThatThrownBy(() -> repositoryService.createDeployment().name("back door")
                .addString("back-door.bpmn", bpmn).deploy())
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining(named).hasMessageContaining(why);
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("Process_BackDoor").count())
                .isZero();
    }

    @Test
    void aDecisionInAScriptLanguageAndResourcesWeDoNotDeployAreRefused() {
        String dmn = """
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_Juel" name="Juel"
                  namespace="test">
                  <decision id="Decision_Juel" name="Juel">
                    <decisionTable id="DecisionTable_Juel">
                      <input id="Input_Juel" label="x">
                        <inputExpression id="InputExpression_Juel" typeRef="string" expressionLanguage="javascript">
                          <text>java.lang.System.exit(1)</text>
                        </inputExpression>
                      </input>
                      <output id="Output_Juel" name="y" typeRef="string"/>
                    </decisionTable>
                  </decision>
                </definitions>""";
        assertThatThrownBy(() -> repositoryService.createDeployment().addString("juel.dmn", dmn).deploy())
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("InputExpression_Juel")
                .hasMessageContaining("FEEL");
        for (String name : new String[] {"case.cmmn", "run.js", "page.html", "logo.svg"}) {
            assertThatThrownBy(() -> repositoryService.createDeployment().addString(name, "x").deploy())
                    .as(name).isInstanceOf(BadUserRequestException.class).hasMessageContaining(name);
        }
    }

    @Test
    void anAnalystsChangeWithVariablesHelpersAndOurDelegatesDeploysAndRuns() {
        String bpmn = process("Process_AnalystChange", """
                <intermediateCatchEvent id="Event_Wait" name="Wait">
                  <timerEventDefinition><timeDuration xsi:type="tFormalExpression">${deskTimers.surveyDelay}</timeDuration></timerEventDefinition>
                </intermediateCatchEvent>
                <serviceTask id="Task_Mark" name="Mark" camunda:expression="${execution.setVariable('marked', priority == 'P1')}"/>
                <userTask id="Task_Look" name="Look at ${execution.processBusinessKey}">
                  <extensionElements><camunda:taskListener delegateExpression="${taskPriority}" event="create"/></extensionElements>
                </userTask>""").replace("${taskPriority}", "${" + ourDelegate() + "}");
        repositoryService.createDeployment().name("analyst change").addString("analyst-change.bpmn", bpmn).deploy();
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("Process_AnalystChange").count())
                .isEqualTo(1);

        String marked = process("Process_Marked", """
                <serviceTask id="Task_Mark" name="Mark" camunda:expression="${execution.setVariable('marked', priority == 'P1')}"/>
                <sequenceFlow id="Flow_ToMark" sourceRef="StartEvent_Guard" targetRef="Task_Mark"/>
                <sequenceFlow id="Flow_ToEnd" sourceRef="Task_Mark" targetRef="EndEvent_Guard"/>""");
        repositoryService.createDeployment().name("marked").addString("marked.bpmn", marked).deploy();
        String id = runtimeService.startProcessInstanceByKey("Process_Marked", Map.of("priority", "P1")).getId();
        assertThat(processEngine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(id)
                .variableName("marked").singleResult().getValue()).isEqualTo(true);
    }

    @Test
    void everyProcessAndDecisionWeShipPassesTheCheck() throws Exception {
        DeploymentCheck check = new DeploymentCheck(new ExpressionCheck(beans()));
        var resolver = new PathMatchingResourcePatternResolver();
        int checked = 0;
        for (String pattern : new String[] {"classpath:processes/*", "classpath:forms/*"}) {
            for (var resource : resolver.getResources(pattern)) {
                byte[] bytes = resource.getInputStream().readAllBytes();
                assertThat(check.problemsIn(resource.getFilename(), bytes)).as(resource.getFilename()).isEmpty();
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(15);
    }

    @Test
    void expressionsResolveOnlyTheHelpersAndOurDelegates() {
        Map<Object, Object> beans = configuration().getBeans();
        assertThat(beans.containsKey("deskTimers")).isTrue();
        assertThat(beans.containsKey("qualityInspections")).isTrue();
        assertThat(beans.containsKey(ourDelegate())).isTrue();
        for (String other : new String[] {"dataSource", "processEngine", "environment", "personalDataKeys",
                "ticketRepository"}) {
            assertThat(beans.containsKey(other)).as(other).isFalse();
            assertThat(beans.get(other)).as(other).isNull();
        }
    }

    private ExpressionBeans beans() {
        return (ExpressionBeans) configuration().getBeans();
    }

    private ProcessEngineConfigurationImpl configuration() {
        return (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    }

    private String ourDelegate() {
        return beans().delegates().stream().filter(name -> name.equals("taskContextListener")).findFirst()
                .orElseThrow();
    }

    static String process(String id, String elements) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                  xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" targetNamespace="guard">
                  <process id="%s" name="Guard" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <startEvent id="StartEvent_Guard" name="Start"/>
                    %s
                    <endEvent id="EndEvent_Guard" name="End"/>
                  </process>
                </definitions>
                """.formatted(id, elements);
    }

    private HttpResponse<String> deploy(String user, String fileName, String bpmn) throws Exception {
        String boundary = "guard" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nguard"
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + bpmn + "\r\n--" + boundary + "--\r\n";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/deployment/create"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return http.send(request, BodyHandlers.ofString());
    }
}
