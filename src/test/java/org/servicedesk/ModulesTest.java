package org.servicedesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.tngtech.archunit.core.importer.ImportOption;
import net.sourceforge.plantuml.FileFormat;
import net.sourceforge.plantuml.FileFormatOption;
import net.sourceforge.plantuml.SourceStringReader;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.docs.Documenter.DiagramOptions;
import org.springframework.modulith.docs.Documenter.DiagramOptions.DiagramStyle;
import org.springframework.modulith.docs.Documenter.Options;

/**
 * The feature packages are Spring Modulith modules: no cycles, each module reaching only the
 * modules its {@code package-info.java} allows, and the module diagram of docs/ as the code is.
 * {@code -Dmodules.write=true} rewrites {@code docs/modules/modules.puml} and
 * {@code docs/images/modules.svg} after a change of the dependencies.
 */
class ModulesTest {

    private static final Path PUML = Path.of("docs/modules/modules.puml");

    private static final Path SVG = Path.of("docs/images/modules.svg");

    @Test
    void modulesHaveNoCyclesAndKeepToTheirAllowedDependencies() {
        ApplicationModules.of(ServiceDeskApplication.class).verify();
    }

    @Test
    void aFeatureModuleUsedByTheInfrastructureFailsTheVerification() {
        ImportOption productionAndProbe = location -> !location.contains("/test-classes/")
                || location.contains("/org/servicedesk/system/ForbiddenDependencyProbe");
        ApplicationModules withProbe = ApplicationModules.of(ServiceDeskApplication.class, productionAndProbe);

        assertThatThrownBy(withProbe::verify).isInstanceOf(Violations.class)
                .hasMessageContaining("ForbiddenDependencyProbe").hasMessageContaining("org.servicedesk.ticket.Ticket");
    }

    @Test
    void theModuleDiagramInDocsIsTheCodes() throws IOException {
        Path generated = Path.of("target/modules");
        new Documenter(ApplicationModules.of(ServiceDeskApplication.class), Options.defaults().withOutputFolder(generated.toString()))
                .writeModulesAsPlantUml(DiagramOptions.defaults().withStyle(DiagramStyle.UML));
        String diagram = inStableOrder(Files.readString(generated.resolve("components.puml")))
                .replace("@startuml", "@startuml\n!pragma layout smetana");
        String svg = svgOf(diagram);
        if (Boolean.getBoolean("modules.write")) {
            Files.createDirectories(PUML.getParent());
            Files.writeString(PUML, diagram);
            Files.writeString(SVG, svg);
        }
        assertThat(Files.exists(PUML) ? Files.readString(PUML) : "")
                .as("docs/modules/modules.puml is out of date; run ./mvnw test -Dtest=ModulesTest -Dmodules.write=true")
                .isEqualTo(diagram);
        assertThat(Files.exists(SVG) ? Files.readString(SVG) : "")
                .as("docs/images/modules.svg is out of date; run ./mvnw test -Dtest=ModulesTest -Dmodules.write=true")
                .isEqualTo(svg);
    }

    /** The Documenter writes modules and dependencies in hash order: sorted, a change shows as a change. */
    private static String inStableOrder(String plantUml) {
        List<String> lines = plantUml.lines().toList();
        List<String> components = lines.stream().filter(line -> line.startsWith("component ")).sorted().toList();
        List<String> relations = lines.stream().filter(line -> line.contains("].> ")).sorted().toList();
        List<String> stable = new ArrayList<>(lines.stream()
                .filter(line -> !line.startsWith("component ") && !line.contains("].> ") && !line.equals("@enduml"))
                .toList());
        stable.addAll(components);
        stable.addAll(relations);
        stable.add("@enduml");
        return String.join("\n", stable) + "\n";
    }

    private static String svgOf(String plantUml) throws IOException {
        ByteArrayOutputStream svg = new ByteArrayOutputStream();
        new SourceStringReader(plantUml).outputImage(svg, new FileFormatOption(FileFormat.SVG));
        return svg.toString(StandardCharsets.UTF_8);
    }
}
