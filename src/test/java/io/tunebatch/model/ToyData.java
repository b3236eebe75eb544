package io.tunebatch.model;

import java.util.ArrayList;
import java.util.List;

/** A tiny instruction set the test-sized model can start to learn in a few steps. */
final class ToyData {

    private ToyData() {
    }

    static List<TrainingExample> examples(int count) {
        String[] colours = {"red", "green", "blue", "black", "white", "pink", "grey", "gold"};
        List<TrainingExample> examples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String colour = colours[i % colours.length];
            examples.add(new TrainingExample("Repeat the word.", colour, colour + " " + colour));
        }
        return examples;
    }
}
