package pro.gen.organizations.app.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.apache.catalina.core.StandardHost;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcRegistrations;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import pro.gen.organizations.app.web.JsonCorsProcessor;
import pro.gen.organizations.app.web.JsonErrorReportValve;

/** The clock, the HTTP JSON mapper, and the Tomcat settings that keep every answer JSON. */
@Configuration(proxyBeanMethods = false)
public class ServerConfiguration {

    /** Refused cross-origin requests get a JSON body like every other refusal. */
    @Bean
    WebMvcRegistrations jsonCorsRefusals() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                RequestMappingHandlerMapping mapping = new RequestMappingHandlerMapping();
                mapping.setCorsProcessor(new JsonCorsProcessor());
                return mapping;
            }
        };
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * The mapper for HTTP bodies. Axon has its own, so this one is marked primary for
     * everything else. Characters outside the basic plane (emoji) are written as UTF-8, not
     * as escaped surrogate pairs.
     */
    @Bean
    @Primary
    ObjectMapper httpObjectMapper(Jackson2ObjectMapperBuilder builder) {
        JsonFactory utf8 = JsonFactory.builder()
                .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
                .build();
        return builder.factory(utf8).build();
    }

    /**
     * An encoded slash in a path is passed to the application as it is, which then answers
     * it like any other unknown id or path; Tomcat's own refusal would be an HTML page. Any
     * other request that Tomcat refuses before the application sees it gets a JSON body.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> jsonOnlyTomcat() {
        return factory -> {
            factory.addConnectorCustomizers(connector ->
                    connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH
                            .getValue()));
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
                }
            });
        };
    }
}
