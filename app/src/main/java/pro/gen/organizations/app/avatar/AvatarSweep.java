package pro.gen.organizations.app.avatar;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import pro.gen.organizations.query.AvatarFiles;

/**
 * Now and then collects the files of uploads whose claim ran out without being released,
 * so that an instance stopped mid-upload, or a command that outlived the wait for the read
 * models, leaves nothing behind for good.
 */
@Component
public class AvatarSweep {

    private static final Logger log = LoggerFactory.getLogger(AvatarSweep.class);

    private final AvatarFiles files;

    public AvatarSweep(AvatarFiles files) {
        this.files = files;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "${orgs.avatars.sweep-every:PT5M}")
    public void sweep() {
        int expired = files.sweepExpiredUploads();
        if (expired > 0) {
            log.info("Collected the files of {} expired avatar upload claims", expired);
        }
    }
}
