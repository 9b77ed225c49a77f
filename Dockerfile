# Builds the application jar and runs it on Java 17 (used by docker-compose.yml).
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -q -B dependency:go-offline
COPY src src
COPY processes processes
COPY forms forms
RUN ./mvnw -q -B package -DskipTests

FROM eclipse-temurin:17-jre
# not as root: an account of its own that owns nothing but its working directory
RUN groupadd --system --gid 10001 servicedesk \
 && useradd --system --uid 10001 --gid servicedesk --home-dir /app --shell /usr/sbin/nologin servicedesk
WORKDIR /app
COPY --from=build /src/target/service-desk-*.jar app.jar
RUN chown -R servicedesk:servicedesk /app
USER 10001:10001
# safe by default: no demo mode unless SERVICEDESK_DEMO_MODE=true (security/ProductionSafeguard)
ENV SERVICEDESK_DEMO_MODE=false
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
