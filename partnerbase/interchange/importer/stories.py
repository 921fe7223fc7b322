"""Creating innovators' stories (format 1.5), in their stored positions."""

from partnerbase.stories import services as stories


class StorySteps:
    def story(self, r: dict):
        return stories.story_add(
            **self.common(r),
            programme=self.programme,
            organisation=self.ref(r["organisation"]),
            position=r.get("position", 0),
            own_sentence=r.get("own_sentence", ""),
            published=r.get("published", False),
        )
