"""Validates Tertial's Kubernetes manifests without a cluster.

Built-in kinds against the Kubernetes API's schemas (kubernetes-validate, strict: an unknown field is an error);
Strimzi's and CloudNativePG's custom resources against the CRDs those operators publish (infra/k8s/crds/), with
unknown fields refused too, since the API server would silently drop them.

    python3 infra/k8s/validate.py FILE_OR_KUSTOMIZE_OUTPUT.yaml ...   (a file of '-' reads stdin)

Then the house rules over all of them: each Deployment of Tertial's runs two replicas or more, has readiness and
liveness probes, memory requests and limits, and a PodDisruptionBudget that selects its pods.
Prints one line per resource and exits non-zero on any failure.
"""

import copy
import glob
import os
import sys

import jsonschema
import kubernetes_validate
import yaml

KUBERNETES_VERSION = '1.37.0'
HERE = os.path.dirname(os.path.abspath(__file__))


def strict(schema):
    """An object schema without `additionalProperties` refuses properties it does not name (as pruning would drop them)."""
    schema = copy.deepcopy(schema)

    def walk(node):
        if isinstance(node, dict):
            if (
                node.get('type') == 'object'
                and 'properties' in node
                and 'additionalProperties' not in node
                and not node.get('x-kubernetes-preserve-unknown-fields')
            ):
                node['additionalProperties'] = False
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema)
    return schema


def crd_schemas():
    schemas = {}
    for path in sorted(glob.glob(os.path.join(HERE, 'crds', '*.yaml'))):
        with open(path) as file:
            for crd in yaml.safe_load_all(file):
                if not crd or crd.get('kind') != 'CustomResourceDefinition':
                    continue
                group, kind = crd['spec']['group'], crd['spec']['names']['kind']
                for version in crd['spec']['versions']:
                    if version.get('served'):
                        schema = strict(version['schema']['openAPIV3Schema'])
                        # metadata is the API server's, validated by it, not by the CRD.
                        schema.setdefault('properties', {})['metadata'] = {'type': 'object'}
                        schemas[(f"{group}/{version['name']}", kind)] = schema
    return schemas


def house_rules(resources):
    """What the issue asks of every Deployment: two replicas, probes, measured memory, a disruption budget."""
    problems = []
    budgets = [r for r in resources if r.get('kind') == 'PodDisruptionBudget']
    for deployment in (r for r in resources if r.get('kind') == 'Deployment'):
        name = deployment['metadata']['name']
        spec = deployment['spec']
        if spec.get('replicas', 1) < 2:
            problems.append(f'{name}: {spec.get("replicas", 1)} replica(s), not two')
        for container in spec['template']['spec']['containers']:
            for probe in ('readinessProbe', 'livenessProbe'):
                if 'httpGet' not in container.get(probe, {}):
                    problems.append(f'{name}/{container["name"]}: no {probe}')
            resources_ = container.get('resources', {})
            if 'memory' not in resources_.get('requests', {}) or 'memory' not in resources_.get('limits', {}):
                problems.append(f'{name}/{container["name"]}: no memory request and limit')
        labels = spec['template']['metadata']['labels']
        if not any(
            all(labels.get(k) == v for k, v in b['spec']['selector']['matchLabels'].items())
            and b['metadata'].get('namespace') == deployment['metadata'].get('namespace')
            for b in budgets
        ):
            problems.append(f'{name}: no PodDisruptionBudget selects its pods')
    return problems


def main(paths):
    schemas = crd_schemas()
    failures = 0
    count = 0
    resources = []
    for path in paths:
        text = sys.stdin.read() if path == '-' else open(path).read()
        for resource in yaml.safe_load_all(text):
            if not resource or resource.get('kind') == 'Kustomization':
                continue
            count += 1
            resources.append(resource)
            key = (resource.get('apiVersion'), resource.get('kind'))
            name = f"{resource.get('kind')}/{resource.get('metadata', {}).get('name')}"
            try:
                if key in schemas:
                    errors = sorted(
                        jsonschema.Draft7Validator(schemas[key]).iter_errors(resource), key=lambda error: list(error.absolute_path)
                    )
                    if errors:
                        raise ValueError('; '.join(f"{'.'.join(map(str, e.absolute_path))}: {e.message}" for e in errors[:5]))
                    print(f'ok   {name} ({key[0]}, operator CRD)')
                elif '.' in key[0].split('/')[0] and not key[0].startswith(('apps/', 'batch/', 'policy/')) and not key[0].endswith('.k8s.io/v1'):
                    raise ValueError(f'no CRD in infra/k8s/crds for {key[0]} {key[1]}')
                else:
                    kubernetes_validate.validate(resource, KUBERNETES_VERSION, strict=True)
                    print(f'ok   {name} ({key[0]}, Kubernetes {KUBERNETES_VERSION})')
            except Exception as error:  # noqa: BLE001 - every failure is reported, then the exit code says it
                failures += 1
                message = getattr(error, 'message', None) or str(error)
                print(f'FAIL {name}: {message}'.replace('\n', ' ')[:600])
    for problem in house_rules(resources):
        failures += 1
        print(f'FAIL {problem}')
    print(f'{count} resources, {failures} failed')
    return 1 if failures or count == 0 else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
