import { useAppStore } from '../../store';
import { QuizQuestionCard } from './QuizQuestionCard';
import { quizScore } from './quizScore';
import { useQuizQuestions } from './useQuizQuestions';

/** Section 6: the quiz, with "predict the status" questions built from the playground's settings. */
export function Quiz() {
  const answers = useAppStore((s) => s.quizAnswers);
  const questions = useQuizQuestions();
  const score = quizScore(questions, answers);

  return (
    <div className="quiz">
      <p>
        Answers are checked at once. The last three questions are built from the playground’s
        current settings: change the limit or the algorithm above and they change too.
      </p>
      {questions.map((question, index) => (
        <QuizQuestionCard key={question.id} question={question} number={index + 1} />
      ))}
      <p className="quiz-score" role="status">
        Score: {score.correct} of {score.total} correct ({score.answered} answered).
      </p>
      <button type="button" onClick={() => useAppStore.getState().clearQuiz()}>
        Retry the quiz
      </button>
    </div>
  );
}
