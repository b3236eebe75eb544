package io.tunebatch.evaluate;

import io.tunebatch.model.GenerationSettings;
import io.tunebatch.model.Generator;
import io.tunebatch.model.LanguageModel;
import io.tunebatch.model.LoraAdapter;
import io.tunebatch.model.PeftAdapter;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Evaluation's view of the model stage: greedy answers from a local base model with an optional
 * PEFT adapter, the prompt laid out exactly as training laid it out. The model stays loaded for
 * the life of the process (one evaluation or comparison per command).
 */
@Component
class ModelTextGeneratorFactory implements TextGeneratorFactory {

    private final int maxNewTokens;

    ModelTextGeneratorFactory(@Value("${tunebatch.evaluate.max-new-tokens:128}") int maxNewTokens) {
        this.maxNewTokens = maxNewTokens;
    }

    @Override
    public TextGenerator open(Path baseModel, Path adapterDirectory) {
        LanguageModel model = LanguageModel.load(baseModel);
        LoraAdapter adapter = adapterDirectory == null ? null : PeftAdapter.read(adapterDirectory, model.transformer());
        Generator generator = new Generator(model, adapter);
        GenerationSettings greedy = GenerationSettings.greedy(maxNewTokens);
        return prompt -> generator.answer(prompt, "", greedy).text();
    }
}
