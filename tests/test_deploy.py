"""deploy/: the compose file and the Kubernetes manifests parse, and every
setting they give a container is one of the project's, documented in
.env.example under the same name."""

from __future__ import annotations

import re

import yaml

from bot import settings as settings_module

ROOT = settings_module.ROOT
DEPLOY = ROOT / "deploy"


def documented() -> set:
    text = (ROOT / ".env.example").read_text()
    return set(re.findall(r"^([A-Z_]+)=", text, re.MULTILINE))


def test_every_setting_is_documented_in_env_example():
    assert {variable for variable, _ in settings_module.VARIABLES.values()} == documented()


def compose() -> dict:
    return yaml.safe_load((DEPLOY / "compose.yml").read_text())


def test_compose_names_only_the_projects_settings_and_runs_every_part():
    services = compose()["services"]
    assert {"web", "redis", "actions", "rasa-1", "rasa-2"} <= set(services)
    names = {name for service in services.values() for name in (service.get("environment") or {})}
    assert names and names <= documented(), names - documented()
    urls = services["web"]["environment"]["RASA_URLS"].split()
    assert urls == [f"http://{name}:5005" for name in services if name.startswith("rasa-")]
    # compose's own variables (interpolated) are documented in deploy/.env.example
    own = set(re.findall(r"\$\{([A-Z_]+)", (DEPLOY / "compose.yml").read_text()))
    assert own <= set(re.findall(r"^([A-Z_]+)=", (DEPLOY / ".env.example").read_text(), re.MULTILINE))


def test_redis_keeps_nothing_on_disk_and_our_user_cannot_save_configure_or_flush():
    command = " ".join(compose()["services"]["redis"]["command"])
    manifest = (DEPLOY / "kubernetes" / "spor-trygt.yaml").read_text()
    for text in (command, manifest.replace("'", "").replace('"', "")):
        assert re.search(r"--save\s+--appendonly no", text)  # `--save ""`: no snapshots
        assert "--maxmemory-policy noeviction" in text and "--user default off" in text
        assert "-@admin" in text and "-@dangerous" in text


def test_kubernetes_manifests_parse_probe_every_server_and_use_the_projects_settings():
    documents = [d for d in yaml.safe_load_all((DEPLOY / "kubernetes" / "spor-trygt.yaml").read_text()) if d]
    kinds = {(d["kind"], d["metadata"]["name"]) for d in documents}
    assert {("StatefulSet", "rasa"), ("Deployment", "web"), ("Deployment", "redis"), ("Service", "rasa")} <= kinds
    containers = [c for d in documents if d["kind"] in ("Deployment", "StatefulSet")
                  for c in d["spec"]["template"]["spec"]["containers"]]
    names = {e["name"] for c in containers if c["name"] != "redis" for e in c.get("env", [])}
    assert names <= documented(), names - documented()
    for c in containers:
        if c["name"] != "redis":
            assert "readinessProbe" in c, c["name"]
    rasa = next(d for d in documents if d["kind"] == "StatefulSet")
    web = next(d for d in documents if d["kind"] == "Deployment" and d["metadata"]["name"] == "web")
    urls = next(e["value"] for e in web["spec"]["template"]["spec"]["containers"][0]["env"] if e["name"] == "RASA_URLS")
    assert urls.split() == [f"http://rasa-{i}.rasa:5005" for i in range(rasa["spec"]["replicas"])]
    # no volume for conversations: only the counts, and Redis's empty in-memory folder
    mounts = {m["mountPath"] for c in containers for m in c.get("volumeMounts", [])}
    assert mounts == {"/app/var", "/data"}
