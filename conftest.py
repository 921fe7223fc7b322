"""Test settings every test directory shares."""

import os

import pytest


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """SQLite tests run on a shared in-memory database, whose table locks ignore the busy
    timeout: an IMMEDIATE transaction in one thread (a brokering round's) would make the
    live server's reads fail at once. Tests keep SQLite's default, deferred transactions;
    the file databases of the demo and production take the write lock at BEGIN."""
    from django.conf import settings

    settings.DATABASES["default"].get("OPTIONS", {}).pop("transaction_mode", None)


@pytest.fixture(scope="session", autouse=True)
def fast_password_hashing():
    """Production hashes passwords with PBKDF2 at a million rounds, a fifth of a second of
    CPU each; the demo's users and every sign-in through the form would spend minutes of
    the suite on it. Tests hash with MD5: what they check is who may sign in, not the
    hash's strength. Set before the demo is built (`demo_snapshot`), so its users' hashes
    are MD5 too."""
    from django.test.utils import override_settings

    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


# Tests run queued work at once, in the test (django-tasks' immediate backend), unless they
# ask for `task_worker`: then it waits in the database queue for a real worker, as deployed.
IMMEDIATE_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture(autouse=True)
def tasks_run_inline(settings):
    settings.TASKS = IMMEDIATE_TASKS


@pytest.fixture
def task_worker(settings, transactional_db):
    """Work goes on the database queue; `task_worker()` runs django-tasks-db's own worker
    over it until it is empty (its --batch mode) and returns how many tasks it ran."""
    from django_tasks_db.management.commands.db_worker import Worker

    settings.TASKS = DATABASE_TASKS

    def work(worker_id: str = "test-worker") -> int:
        worker = Worker(
            queue_names=["default"],
            interval=0,
            batch=True,
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id=worker_id,
            excluded_queue_names=[],
        )
        worker.run()
        return worker._run_tasks

    return work


@pytest.fixture(scope="session")
def demo_snapshot(django_db_setup, django_db_blocker):
    """The IEP demo, built once per test process (see tests/snapshot.py)."""
    from tests.snapshot import demo_snapshot

    with django_db_blocker.unblock():
        return demo_snapshot()


@pytest.fixture
def iep_restored(demo_snapshot):
    """`iep_restored()` puts the IEP demo's records in the database and returns its
    programme. Ask for `db` or `transactional_db` too, as the test needs."""
    from django.contrib.contenttypes.models import ContentType

    from partnerbase.demo import iep_data
    from partnerbase.programmes.models import Programme

    def restore():
        demo_snapshot.restore()
        return Programme.objects.get(slug=iep_data.PROGRAMME["slug"])

    yield restore
    # A test's rollback or flush leaves content types the cache does not know.
    ContentType.objects.clear_cache()


# The longest tests run first, so that with pytest-xdist's work stealing (`make test`) the
# other workers share out the many short ones meanwhile instead of waiting at the end.
LONGEST_FIRST = (
    "tests/browser/test_programme_from_nothing.py",
    "tests/test_no_get_writes.py",
    "tests/test_page_access.py",
    "partnerbase/api/tests/test_schemathesis.py",
    "partnerbase/api/tests/test_matrix.py",
    "partnerbase/impact/tests/test_kept_property.py",
    "partnerbase/rubrics/tests/test_migration.py",
    "tests/browser/",
)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    from tests.ordering import start_order

    def rank(item):
        for i, prefix in enumerate(LONGEST_FIRST):
            if item.nodeid.startswith(prefix):
                return i
        return len(LONGEST_FIRST)

    items.sort(key=rank)  # stable: the rest keep pytest-django's order
    # Under work stealing each worker's first share starts with its turn of the long
    # tests, rather than all of them landing in the first worker's (tests/ordering.py).
    workers = int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1"))
    if workers > 1 and config.getoption("dist", None) == "worksteal":
        long = [item for item in items if rank(item) < len(LONGEST_FIRST)]
        short = items[len(long) :]
        items[:] = start_order(long, short, workers)


@pytest.fixture(scope="session", autouse=True)
def live_server_one_request_at_a_time():
    """On SQLite the live server's requests share the test's in-memory connection, and two
    requests at once on it (a page and its htmx call) can fail with "database table is
    locked". There, the live server answers one request at a time; PostgreSQL gives each
    request thread its own connection and keeps the threaded server."""
    from django.conf import settings
    from django.core.servers.basehttp import WSGIServer
    from django.test.testcases import LiveServerThread

    class OneAtATime(WSGIServer):
        # The server thread itself uses the shared connections (LiveServerThread.run).
        def __init__(self, *args, connections_override=None, **kwargs):
            super().__init__(*args, **kwargs)

    if settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"):
        LiveServerThread.server_class = OneAtATime
    yield


@pytest.fixture(scope="module")
def iep_for_module(demo_snapshot, django_db_blocker):
    """The IEP demo put in the database once for a module whose tests only read it (each
    test's own writes are rolled back as usual); the database is emptied afterwards, as
    after any transactional test."""
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command

    from partnerbase.demo import iep_data
    from partnerbase.programmes.models import Programme

    with django_db_blocker.unblock():
        demo_snapshot.restore()
        programme = Programme.objects.get(slug=iep_data.PROGRAMME["slug"])
    yield programme
    ContentType.objects.clear_cache()
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, verbosity=0)
