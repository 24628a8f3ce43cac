# Builds the service with the Maven wrapper and runs it on a Java 17 runtime.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q package -DskipTests

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/app/target/organizations.jar /app/organizations.jar
ENV AXONIQ_UPDATE_CHECKER_DISABLED=true
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/organizations.jar"]
