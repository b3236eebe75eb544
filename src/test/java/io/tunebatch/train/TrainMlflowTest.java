package io.tunebatch.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunebatch.ops.JobsService;
import io.tunebatch.prepare.PrepareService;
import io.tunebatch.support.ApplicationTest;
import io.tunebatch.support.Databases;
import io.tunebatch.support.MlflowServer;
import io.tunebatch.support.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.mlflow.api.proto.Service.Experiment;
import org.mlflow.api.proto.Service.ListArtifacts;
import org.mlflow.api.proto.Service.Metric;
import org.mlflow.api.proto.Service.Param;
import org.mlflow.api.proto.Service.Run;
import org.mlflow.api.proto.Service.RunInfo;
import org.mlflow.api.proto.Service.RunTag;
import org.mlflow.tracking.MlflowClient;
import org.mlflow_project.google.protobuf.util.JsonFormat;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The train job with {@code tunebatch.mlflow.tracking-uri} set, read back from a real MLflow server. */
class TrainMlflowTest extends ApplicationTest {

    @RegisterExtension
    static final MlflowServer MLFLOW = MlflowServer.shared();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        Databases.useH2(registry);
        registry.add("tunebatch.train.child-heap", () -> "768m");
        registry.add("tunebatch.train.poll-millis", () -> "200");
        registry.add("tunebatch.mlflow.tracking-uri", MLFLOW::trackingUri);
    }

    @Autowired
    PrepareService prepare;
    @Autowired
    TrainService train;

    @Autowired
    JobsService jobs;

    @TempDir
    Path dir;
    Path base;
    Path config;
    String snapshot;

    @BeforeEach
    void snapshotAndModel() throws Exception {
        base = TrainingFixture.tinyLlama(dir);
        Path sources = TrainingFixture.branchAnswers(dir);
        snapshot = prepare.summarize(prepare.prepare(sources.toString(), null)).snapshotId();
        config = TestFiles.write(dir.resolve("train.yaml"), """
                name: tiny-mlflow
                held_out_fraction: 0.25
                devices: cpu
                lora: {r: 2, alpha: 4, dropout: 0.0}
                optimizer: {learning_rate: 0.001, schedule: linear, warmup_steps: 1}
                training: {max_steps: 5, batch_size: 2, max_sequence_length: 192, seed: 11, checkpoint_every_steps: 2}
                """);
    }

    @Test
    void aPartitionIsAnMlflowRunWithParamsStepMetricsTagsAndTheAdapterFiles() throws Exception {
        JobExecution execution = train.train(snapshot, base, config);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        TrainingRunRepository.RunView candidate = train.summarize(execution).candidates().get(0);
        MlflowClient client = new MlflowClient(MLFLOW.trackingUri());
        RunInfo info = latestRun(client);
        Run run = client.getRun(info.getRunId());

        assertThat(info.getRunName()).isEqualTo(candidate.partitionName());
        assertThat(info.getStatus().name()).isEqualTo("FINISHED");
        assertThat(run.getData().getParamsList().stream().collect(Collectors.toMap(Param::getKey, Param::getValue)))
                .containsEntry("lora_r", "2").containsEntry("lora_alpha", "4.0").containsEntry("lora_dropout", "0.0")
                .containsEntry("lora_target_modules", "q_proj,k_proj,v_proj,o_proj").containsEntry("learning_rate", "0.001")
                .containsEntry("schedule", "linear").containsEntry("batch_size", "2").containsEntry("max_steps", "5")
                .containsEntry("seed", "11").containsEntry("device", "cpu");
        Map<String, String> tags = run.getData().getTagsList().stream().collect(Collectors.toMap(RunTag::getKey, RunTag::getValue));
        assertThat(tags).containsEntry("tunebatch.snapshot_id", snapshot)
                .containsEntry("tunebatch.snapshot_fingerprint", execution.getJobParameters().getString("snapshotFingerprint"))
                .containsEntry("tunebatch.job_execution_id", Long.toString(execution.getId()))
                .containsEntry("tunebatch.job_instance_id", Long.toString(execution.getJobInstance().getInstanceId()))
                .containsEntry("tunebatch.partition", candidate.partitionName())
                .containsEntry("tunebatch.adapter_sha256", candidate.adapterSha256());
        for (String metric : MlflowTrainingTracker.STEP_METRICS) {
            assertThat(client.getMetricHistory(info.getRunId(), metric)).extracting(Metric::getStep)
                    .as(metric).containsExactly(1L, 2L, 3L, 4L, 5L);
        }
        assertThat(client.getMetricHistory(info.getRunId(), "held_out_loss")).singleElement()
                .satisfies(m -> assertThat(m.getValue()).isEqualTo(candidate.heldOutLoss()));
        ListArtifacts.Response.Builder listing = ListArtifacts.Response.newBuilder();
        JsonFormat.parser().ignoringUnknownFields().merge(
                client.sendGet("artifacts/list?run_id=" + info.getRunId() + "&path=adapter"), listing);
        assertThat(listing.getFilesList()).extracting(f -> f.getPath())
                .containsExactlyInAnyOrder("adapter/adapter_config.json", "adapter/adapter_model.safetensors");
    }

    @Test
    void aRestartedPartitionContinuesItsMlflowRun() throws Exception {
        config = TestFiles.write(config, Files.readString(config).replace("max_steps: 5", "max_steps: 150"));
        Thread killer = new Thread(TrainJobTest::killFirstTrainingChildAfterACheckpoint);
        killer.start();
        JobExecution crashed = train.train(snapshot, base, config);
        killer.join();
        assertThat(crashed.getStatus()).isEqualTo(BatchStatus.FAILED);
        MlflowClient client = new MlflowClient(MLFLOW.trackingUri());
        assertThat(latestRun(client).getStatus().name()).isEqualTo("FAILED");

        JobExecution restarted = jobs.restart(crashed.getId());

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        RunInfo info = latestRun(client);
        assertThat(info.getStatus().name()).isEqualTo("FINISHED");
        assertThat(client.getRun(info.getRunId()).getData().getTagsList())
                .contains(RunTag.newBuilder().setKey("tunebatch.job_execution_id").setValue(Long.toString(restarted.getId())).build());
        assertThat(client.getMetricHistory(info.getRunId(), "loss")).extracting(Metric::getStep)
                .as("every step once, none repeated by the resume")
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 150).boxed().toList());
    }

    /** The server lives for the whole class: the run started last is this test's. */
    private static RunInfo latestRun(MlflowClient client) {
        Experiment experiment = client.searchExperiments("name = 'tiny-mlflow'").getItems().get(0);
        return client.searchRuns(List.of(experiment.getExperimentId()), "").stream()
                .max(java.util.Comparator.comparingLong(RunInfo::getStartTime)).orElseThrow();
    }
}
