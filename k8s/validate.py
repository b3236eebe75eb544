"""Checks rendered TuneBatch manifests: Kubernetes schemas (strict) and our own policy.

Usage: validate.py LABEL RENDERED.yaml KUBERNETES_VERSION...

Prints one line per problem ("LABEL: Kind/name: where: what") and exits 1 when there is any.
Schemas come from the kubernetes-validate package, which ships them: nothing is downloaded.
"""
import re
import sys

import kubernetes_validate
import yaml

POD_SPEC_PATHS = {
    "CronJob": ("spec", "jobTemplate", "spec", "template", "spec"),
    "Job": ("spec", "template", "spec"),
    "Deployment": ("spec", "template", "spec"),
    "StatefulSet": ("spec", "template", "spec"),
    "DaemonSet": ("spec", "template", "spec"),
    "ReplicaSet": ("spec", "template", "spec"),
    "Pod": ("spec",),
}
SECRET_NAME = re.compile(r"PASSWORD|PASSWD|SECRET|TOKEN|CREDENTIAL|PRIVATE|ENCRYPTION|(^|_)KEY$|TRACKING_URI", re.I)
URL_WITH_PASSWORD = re.compile(r"://[^/@\s:]+:[^/@\s]+@|[?&;]password=", re.I)
SECRET_YAML_LINE = re.compile(
    r"^\s*[\w.-]*(password|passwd|secret|token|encryption-key|credentials?)\s*:\s*[^\s#]", re.I)
REQUIRED_RESOURCES = (("requests", "cpu"), ("requests", "memory"), ("limits", "memory"))


def dig(node, path):
    for key in path:
        if not isinstance(node, dict) or key not in node:
            return None
        node = node[key]
    return node


def schema_problems(doc, versions):
    versions_by_problem = {}
    for version in versions:
        try:
            kubernetes_validate.validate(doc, version, strict=True)
        except kubernetes_validate.ValidationError as e:
            where = ".".join(str(p) for p in e.absolute_path) or "(document)"
            versions_by_problem.setdefault(f"{where}: {e.message}", []).append(version)
        except kubernetes_validate.SchemaNotFoundError as e:
            versions_by_problem.setdefault(f"(document): {e.message}", []).append(version)
    return [f"{problem} (Kubernetes {', '.join(found_in)} schema, strict)"
            for problem, found_in in versions_by_problem.items()]


def cronjob_problems(doc):
    spec = doc.get("spec", {})
    job = dig(spec, ("jobTemplate", "spec")) or {}
    problems = []
    if spec.get("concurrencyPolicy") != "Forbid":
        problems.append(f"spec.concurrencyPolicy: must be Forbid (is {spec.get('concurrencyPolicy')!r}): "
                        "two runs of one job would compete for the same job instance")
    if not isinstance(job.get("backoffLimit"), int):
        problems.append("spec.jobTemplate.spec.backoffLimit: must be set: retries are a decision, not a default")
    if not isinstance(job.get("ttlSecondsAfterFinished"), int):
        problems.append("spec.jobTemplate.spec.ttlSecondsAfterFinished: must be set so finished Jobs are cleaned up")
    if dig(job, ("template", "spec", "restartPolicy")) != "Never":
        problems.append("spec.jobTemplate.spec.template.spec.restartPolicy: must be Never "
                        "(one pod per attempt; `jobs restart` resumes, not the kubelet)")
    return problems


def pod_problems(pod, base):
    problems = []
    pod_security = pod.get("securityContext") or {}
    if pod.get("automountServiceAccountToken") is not False:
        problems.append(f"{base}.automountServiceAccountToken: must be false (TuneBatch never calls the API)")
    if pod.get("serviceAccountName") in (None, "", "default"):
        problems.append(f"{base}.serviceAccountName: must name TuneBatch's own account, not default")
    containers = [("containers", c) for c in pod.get("containers") or []]
    containers += [("initContainers", c) for c in pod.get("initContainers") or []]
    for field, container in containers:
        where = f"{base}.{field}[{container.get('name')}]"
        problems += container_problems(container, pod_security, where)
    return problems


def container_problems(container, pod_security, where):
    problems = []
    security = container.get("securityContext") or {}
    run_as_non_root = security.get("runAsNonRoot", pod_security.get("runAsNonRoot"))
    run_as_user = security.get("runAsUser", pod_security.get("runAsUser"))
    if run_as_non_root is not True:
        problems.append(f"{where}.securityContext.runAsNonRoot: must be true (here or on the pod)")
    if run_as_user == 0:
        problems.append(f"{where}.securityContext.runAsUser: 0 is root")
    if security.get("privileged") is True:
        problems.append(f"{where}.securityContext.privileged: must not be true")
    if security.get("allowPrivilegeEscalation") is not False:
        problems.append(f"{where}.securityContext.allowPrivilegeEscalation: must be false")
    if security.get("readOnlyRootFilesystem") is not True:
        problems.append(f"{where}.securityContext.readOnlyRootFilesystem: must be true (write to /tmp or volumes)")
    resources = container.get("resources") or {}
    for kind, name in REQUIRED_RESOURCES:
        if name not in (resources.get(kind) or {}):
            problems.append(f"{where}.resources.{kind}.{name}: must be set")
    image = container.get("image", "")
    name_and_tag = image.split("@")[0].rsplit("/", 1)[-1]
    if "@" not in image and (":" not in name_and_tag or name_and_tag.endswith(":latest")):
        problems.append(f"{where}.image: {image!r} must carry a fixed tag or digest, not latest")
    for env in container.get("env") or []:
        if SECRET_NAME.search(env.get("name", "")) and "value" in env:
            problems.append(f"{where}.env[{env['name']}]: a plain value for a secret; "
                            "use valueFrom.secretKeyRef")
        elif "value" in env and URL_WITH_PASSWORD.search(str(env["value"])):
            problems.append(f"{where}.env[{env['name']}]: the value carries a password; move it to a Secret")
    return problems


def configmap_problems(doc):
    problems = []
    for key, value in (doc.get("data") or {}).items():
        value = str(value)
        if "\n" not in value and SECRET_NAME.search(key):
            problems.append(f"data.{key}: looks like a secret; put it in a Secret and reference it")
        if URL_WITH_PASSWORD.search(value):
            problems.append(f"data.{key}: carries a password in a URL; put it in a Secret")
        for number, line in enumerate(value.splitlines(), start=1):
            if SECRET_YAML_LINE.search(line) and not line.lstrip().startswith("#"):
                problems.append(f"data.{key} line {number}: a secret value in configuration; "
                                "set it from a Secret through the environment")
    return problems


def policy_problems(doc):
    kind = doc.get("kind")
    problems = []
    if kind == "Secret" and (doc.get("data") or doc.get("stringData")):
        problems.append("data/stringData: plain secret values in manifests; create the Secret in the cluster "
                        "(docs/operations.md) and only reference it here")
    if kind in ("RoleBinding", "ClusterRoleBinding", "Role", "ClusterRole"):
        problems.append("grants Kubernetes API access; TuneBatch needs none")
    if kind == "ServiceAccount" and doc.get("automountServiceAccountToken") is not False:
        problems.append("automountServiceAccountToken: must be false")
    if kind == "ConfigMap":
        problems += configmap_problems(doc)
    if kind == "CronJob":
        problems += cronjob_problems(doc)
    if kind in POD_SPEC_PATHS:
        pod = dig(doc, POD_SPEC_PATHS[kind])
        if pod is None:
            problems.append("no pod template")
        else:
            problems += pod_problems(pod, ".".join(POD_SPEC_PATHS[kind]))
    return problems


def main(label, rendered, versions):
    with open(rendered, encoding="utf-8") as f:
        docs = [d for d in yaml.safe_load_all(f) if d is not None]
    if not docs:
        print(f"{label}: rendered nothing")
        return 1
    failures = 0
    for doc in docs:
        name = f"{doc.get('kind', '?')}/{dig(doc, ('metadata', 'name')) or '?'}"
        for problem in schema_problems(doc, versions) + policy_problems(doc):
            print(f"{label}: {name}: {problem}")
            failures += 1
    if failures:
        print(f"{label}: {failures} problem(s) in {len(docs)} documents")
        return 1
    print(f"{label}: {len(docs)} documents valid (Kubernetes {', '.join(versions)} strict schemas; policy)")
    return 0


if __name__ == "__main__":
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3:]))
