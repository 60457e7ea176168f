package dev.ossa.camel.events.springboot;

import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.spi.AggregationRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;
import org.springframework.stereotype.Component;

import dev.ossa.camel.events.OssaEventsConfiguration;

/**
 * Binds the bean options {@code camel.component.ossa-events.configuration} and {@code .object-mapper} from
 * {@code #beanName} (or {@code #bean:beanName}) to that bean.
 */
@Configuration(proxyBeanMethods = false)
@ConfigurationPropertiesBinding
@Component
public class OssaEventsComponentConverter implements GenericConverter {

    @Autowired
    private ApplicationContext applicationContext;

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        return Set.of(new ConvertiblePair(String.class, OssaEventsConfiguration.class),
                new ConvertiblePair(String.class, ObjectMapper.class),
                new ConvertiblePair(String.class, AggregationRepository.class));
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null) {
            return null;
        }
        String ref = source.toString();
        if (!ref.startsWith("#")) {
            return null;
        }
        ref = ref.startsWith("#bean:") ? ref.substring(6) : ref.substring(1);
        return applicationContext.getBean(ref, targetType.getType());
    }
}
