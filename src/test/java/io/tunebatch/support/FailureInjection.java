package io.tunebatch.support;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStream;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;

/**
 * Crashes a step in the middle: once armed, the named step-scoped writer fails right after its
 * n-th chunk was written (so the chunk's rows are rolled back, as in a real crash), exactly once.
 * The real writer does the work; this only adds the failure.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FailureInjection implements BeanPostProcessor {

    private volatile String writerBean;
    private volatile int failAfterWrite;
    private final AtomicInteger writes = new AtomicInteger();

    public void arm(String writerBeanName, int failAfterNthWrite) {
        writes.set(0);
        failAfterWrite = failAfterNthWrite;
        writerBean = writerBeanName;
    }

    public void disarm() {
        writerBean = null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof ItemWriter<?> writer && beanName.startsWith("scopedTarget.")) {
            return new Failing((ItemWriter<Object>) writer, beanName.substring("scopedTarget.".length()));
        }
        return bean;
    }

    /** Thrown by an armed writer. */
    public static final class InjectedFailure extends RuntimeException {
        InjectedFailure(String writer) {
            super("injected failure in " + writer);
        }
    }

    private final class Failing implements ItemStreamWriter<Object> {
        private final ItemWriter<Object> delegate;
        private final String name;

        Failing(ItemWriter<Object> delegate, String name) {
            this.delegate = delegate;
            this.name = name;
        }

        @Override
        public void write(Chunk<?> chunk) throws Exception {
            delegate.write((Chunk<Object>) chunk);
            if (name.equals(writerBean) && writes.incrementAndGet() == failAfterWrite) {
                writerBean = null;
                throw new InjectedFailure(name);
            }
        }

        @Override
        public void open(ExecutionContext context) {
            if (delegate instanceof ItemStream stream) {
                stream.open(context);
            }
        }

        @Override
        public void update(ExecutionContext context) {
            if (delegate instanceof ItemStream stream) {
                stream.update(context);
            }
        }

        @Override
        public void close() {
            if (delegate instanceof ItemStream stream) {
                stream.close();
            }
        }
    }
}
