package pro.gen.organizations.app.config;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import pro.gen.organizations.app.auth.AdminToken;
import pro.gen.organizations.app.auth.ApiKeyAuthentication;
import pro.gen.organizations.app.auth.CurrentUser;

/** HTTP: who guards which path, and how handlers get the caller. */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration implements WebMvcConfigurer {

    private final ApiKeyAuthentication apiKeys;
    private final AdminToken adminToken;
    private final CurrentUser currentUser;

    public WebConfiguration(ApiKeyAuthentication apiKeys, AdminToken adminToken,
                            CurrentUser currentUser) {
        this.apiKeys = apiKeys;
        this.adminToken = adminToken;
        this.currentUser = currentUser;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(adminToken).addPathPatterns("/v1/admin/**");
        registry.addInterceptor(apiKeys).addPathPatterns("/v1/**")
                .excludePathPatterns("/v1/admin/**");
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(currentUser);
    }
}
