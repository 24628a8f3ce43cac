package pro.gen.organizations.app.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import pro.gen.organizations.app.avatar.AvatarImages;

/** Avatar images: how many may be decoded at once. */
@Configuration(proxyBeanMethods = false)
public class AvatarConfiguration {

    /**
     * At most one decode per core (two at least): decoding is CPU-bound, and each decode of
     * a 4096 x 4096 image holds a few hundred MB at its peak, so this also bounds memory.
     */
    @Bean
    AvatarImages avatarImages() {
        return new AvatarImages(Math.max(2, Runtime.getRuntime().availableProcessors()));
    }
}
