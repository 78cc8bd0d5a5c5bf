"""What scripts/crash-test.py and scripts/disk-full-test.py share: the writing commands they try
on the demo folder, and a folder's state (its files outside .gov/)."""
import os
import subprocess

TODAY = "2022-12-31"


def batch_rows():
    """A batch across two months, 10,000 rows each, every row a different visit."""
    lines = ["date,member,household,method,summary"]
    for i in range(20000):
        month, day = (11, 1 + i % 28) if i < 10000 else (12, 1 + i % 19)
        lines.append(f"2022-{month:02}-{day:02},M0728,H00001,home,批量走访第{i}次")
    return "\n".join(lines) + "\n"


def commands(batch):
    return {
        "visit add": ["visit", "add", "--member", "M0728", "--household", "H00001", "--method", "home",
                      "--summary", "看望独居老人", "--date", "2022-12-10"],
        "visit add --from": ["visit", "add", "--from", batch],
        "household set-color": ["household", "set-color", "H00002", "red", "--reason", "家中老人住院"],
        "household link": ["household", "link", "H00002", "M0001"],
        "household unlink": ["household", "unlink", "H00001", "M0728"],
        "member add": ["member", "add", "--name", "测试党员", "--kind", "resident", "--phone", "13900001111"],
        "issue add": ["issue", "add", "--title", "楼道灯不亮", "--category", "infrastructure",
                      "--household", "H00001"],
        "issue progress": ["issue", "progress", "I-2022-0458", "--note", "已联系物业", "--by", "网格员"],
        # The corrections that run again write nothing (visit rm and issue undo do not: run
        # again, they remove the next one, so they are not here).
        "member edit": ["member", "edit", "M0002", "--phone", "13912345678", "--roles", "楼栋长;志愿者"],
        "member set-status": ["member", "set-status", "M0017", "transferred", "--reason", "迁往外区"],
        "household edit": ["household", "edit", "H00214", "--phone", "15700523542", "--size", "2"],
        "visit edit": ["visit", "edit", "visits/2022-10.csv:17", "--summary", "电话问候"],
        "issue amend": ["issue", "amend", "I-2022-0458", "--title", "更正后的标题"],
    }


def snapshot(root):
    """Every file outside .gov/, by path relative to root."""
    out = {}
    for dirpath, dirnames, filenames in os.walk(root):
        rel_dir = os.path.relpath(dirpath, root)
        if rel_dir == ".gov" or rel_dir.startswith(".gov" + os.sep):
            dirnames[:] = []
            continue
        for name in filenames:
            path = os.path.join(dirpath, name)
            with open(path, "rb") as f:
                out[os.path.normpath(os.path.join(rel_dir, name))] = f.read()
    return out


def restore(root, old):
    """Puts the folder back to `old`: files gov wrote are rewritten, new ones removed, and an
    unfinished batch's journal dropped (it describes files that are being put back by hand)."""
    now = snapshot(root)
    for path in now.keys() - old.keys():
        os.remove(os.path.join(root, path))
    for path, data in old.items():
        if now.get(path) != data:
            with open(os.path.join(root, path), "wb") as f:
                f.write(data)
    for leftover in [".gov/journal"]:
        p = os.path.join(root, leftover)
        if os.path.exists(p):
            os.remove(p)


def gov(binary, root, args, **kw):
    return subprocess.run([binary, "--data", root, "--today", TODAY, *args], capture_output=True, **kw)


def after_stop(binary, root, args, old, new):
    """What is wrong with the folder after a run of `args` that was stopped (killed, or out of
    room): each data file must be its old or its new content and nothing else may have appeared,
    `gov check` must find no errors, and running the command again must give exactly `new`."""
    problems = []
    now = snapshot(root)
    for path in sorted(now.keys() | old.keys() | new.keys()):
        if now.get(path) not in (old.get(path), new.get(path)):
            what = "appeared" if path not in old and path not in new else "is neither old nor new"
            problems.append(f"{path} {what} ({len(now.get(path) or b'')} bytes)")
    check = gov(binary, root, ["check"])
    if check.returncode != 0:
        problems.append("gov check: " + check.stdout.decode(errors="replace").strip().splitlines()[-1])
    again = gov(binary, root, args)
    if again.returncode != 0:
        problems.append("run again failed: " + again.stderr.decode(errors="replace").strip())
    elif snapshot(root) != new:
        problems.append("run again did not give the state of one clean run")
    return problems
