"""Checks job definitions (jobs/*.yaml) against jobs/job-definition.schema.json and the step
order rules of jobs/README.md, and that the training configuration and eval suite a definition
in jobs/ names exist in the repository.

Usage: validate_jobs.py SCHEMA.json DEFINITION.yaml...

Prints one line per problem ("FILE:LINE: field: what") and exits 1 when there is any. This is
CI's early warning; `run jobs/FILE.yaml` validates the same rules itself when it loads a file.
"""
import json
import pathlib
import sys

import jsonschema
import yaml

STEP_ORDER = ["prepare", "train", "evaluate", "register"]


def node_at(node, path):
    """The YAML node at a JSON path, or the deepest one that exists (for its line number)."""
    for key in path:
        if isinstance(node, yaml.MappingNode):
            match = [value for k, value in node.value if k.value == str(key)]
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            match = [node.value[key]]
        else:
            match = []
        if not match:
            break
        node = match[0]
    return node


def field_name(path):
    name = ""
    for key in path:
        name += f"[{key}]" if isinstance(key, int) else (f".{key}" if name else str(key))
    return name or "(document)"


def order_problems(steps):
    """(path, message) pairs for the rules a JSON schema cannot say."""
    problems = []
    types = [step.get("type") for step in steps if isinstance(step, dict)]
    known = [t for t in types if t in STEP_ORDER]
    for index, step_type in enumerate(types):
        if step_type in STEP_ORDER and types.count(step_type) > 1 and types.index(step_type) < index:
            problems.append((["steps", index], f"a second '{step_type}' step; each type appears once"))
    if [STEP_ORDER.index(t) for t in known] != sorted(STEP_ORDER.index(t) for t in known):
        problems.append((["steps"], "steps must run in the order " + " -> ".join(STEP_ORDER)
                         + f" (found {' -> '.join(known)})"))
    requirements = {"evaluate": "train", "register": "evaluate"}
    for index, step in enumerate(steps):
        if not isinstance(step, dict):
            continue
        needed = requirements.get(step.get("type"))
        if needed and needed not in types[:index]:
            problems.append((["steps", index], f"'{step['type']}' needs the '{needed}' step before it"))
        if step.get("type") == "train" and "prepare" not in types[:index] and "snapshot" not in step:
            problems.append((["steps", index], "'train' needs a 'prepare' step before it or a 'snapshot' id"))
    return problems


def missing_files(steps, repo):
    """A shipped definition runs from the repository's layout (the image's /app): the training
    configuration and eval suite it names, relative and without placeholders, must be there."""
    problems = []
    for index, step in enumerate(steps):
        if not isinstance(step, dict):
            continue
        for field in ("config", "suite"):
            value = step.get(field)
            if isinstance(value, str) and "${" not in value and not pathlib.Path(value).is_absolute() \
                    and not (repo / value).is_file():
                problems.append((["steps", index, field], f"no such file in the repository: {value}"))
    return problems


def check(path, schema):
    text = pathlib.Path(path).read_text(encoding="utf-8")
    try:
        root = yaml.compose(text)
        doc = yaml.safe_load(text)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        return [f"{path}:{mark.line + 1 if mark else 1}: not valid YAML: {getattr(e, 'problem', e)}"]
    problems = []
    validator = jsonschema.Draft202012Validator(schema)
    for error in validator.iter_errors(doc):
        problems.append((list(error.absolute_path), error.message))
    if isinstance(doc, dict):
        if isinstance(doc.get("steps"), list):
            problems += order_problems(doc["steps"])
        stem = pathlib.Path(path).stem
        if doc.get("name") not in (None, stem) and pathlib.Path(path).parent.name == "jobs":
            problems.append((["name"], f"'{doc['name']}' differs from the file name '{stem}'"))
        if isinstance(doc.get("steps"), list) and pathlib.Path(path).parent.name == "jobs":
            problems += missing_files(doc["steps"], pathlib.Path(path).resolve().parent.parent)
    located = sorted((node_at(root, p).start_mark.line + 1, field_name(p), message) for p, message in problems)
    return [f"{path}:{line}: {field}: {message}" for line, field, message in located]


def main(schema_path, paths):
    schema = json.loads(pathlib.Path(schema_path).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    problems = [line for path in paths for line in check(path, schema)]
    for line in problems:
        print(line)
    if problems:
        print(f"job definitions: {len(problems)} problem(s) in {len(paths)} file(s)")
        return 1
    print(f"job definitions: {len(paths)} file(s) valid ({schema_path})")
    return 0


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2:]))
